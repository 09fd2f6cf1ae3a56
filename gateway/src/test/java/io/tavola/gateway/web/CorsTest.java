package io.tavola.gateway.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.tavola.common.testkit.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CorsTest {

    @Test
    void preflightFromAnAllowedOriginGetsExactlyThatOrigin() {
        given().header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .options("/api/v1/orders")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:5173")
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Idempotency-Key"));
    }

    @Test
    void preflightFromAnotherOriginGetsNoAllowOrigin() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/v1/orders")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void actualRequestsCarryTheOriginAndExposeOurHeaders() {
        given().header("Origin", "http://localhost:8000").auth().oauth2(TestTokens.chef(UUID.randomUUID()))
                .get("/api/v1/analytics/summary")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:8000"))
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"));
    }

    @Test
    void theAppOnTheGatewaysOwnOriginIsNotTreatedAsCrossOrigin() {
        // browsers send Origin on same-origin POSTs and WebSocket upgrades too
        given().header("Origin", "http://localhost:18000").contentType("application/json").body("{}")
                .post("/api/v1/auth/refresh")
                .then().statusCode(201).body("service", equalTo("auth"));
    }
}
