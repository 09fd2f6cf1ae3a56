package io.tavola.auth;

import static io.tavola.auth.AuthApi.PASSWORD;
import static io.tavola.auth.AuthApi.createUser;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The test profile's window is 3 s, 5 failures per username, 8 per client address. */
@QuarkusTest
class LoginThrottleTest {

    private static io.restassured.response.Response attempt(String address, String username, String password) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", address)
                .body(Map.of("username", username, "password", password)).post("/api/v1/auth/login");
    }

    @Test
    void repeatedFailuresForOneUsernameAreRefusedThenAllowedAfterTheWindow() {
        String chef = createUser("chef", UUID.randomUUID());
        for (int i = 0; i < 5; i++) {
            attempt("10.9.0." + (i + 1), chef, "wrong-password-" + i).then().statusCode(401);
        }
        // even the right password is refused while locked, from any address
        attempt("10.9.1.1", chef, PASSWORD).then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", notNullValue());
        Awaitility.await().atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(500))
                .until(() -> attempt("10.9.1.2", chef, PASSWORD).statusCode() == 200);
    }

    @Test
    void repeatedFailuresFromOneAddressAreRefused() {
        String address = "10.77." + (int) (Math.random() * 250) + ".9";
        for (int i = 0; i < 8; i++) {
            attempt(address, "someone-" + UUID.randomUUID(), "wrong-password").then().statusCode(401);
        }
        String waiter = createUser("waiter", UUID.randomUUID());
        attempt(address, waiter, PASSWORD).then().statusCode(429).header("Retry-After", notNullValue());
        attempt("10.78.0.1", waiter, PASSWORD).then().statusCode(200);
    }
}
