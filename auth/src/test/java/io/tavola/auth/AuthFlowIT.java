package io.tavola.auth;

import static io.tavola.auth.AuthApi.PASSWORD;
import static io.tavola.auth.AuthApi.accessToken;
import static io.tavola.auth.AuthApi.as;
import static io.tavola.auth.AuthApi.client;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A restaurant's first day, against the packaged jar: master sets up an admin, who hires a chef. */
@QuarkusIntegrationTest
class AuthFlowIT {

    @Test
    void masterCreatesAdminWhoCreatesAChefWhoLogsIn() {
        UUID restaurant = UUID.randomUUID();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String master = accessToken(AuthApi.ADMIN, AuthApi.ADMIN_PASSWORD);
        as(master).body(Map.of("username", "boss-" + suffix, "email", "boss-" + suffix + "@example.com",
                "password", PASSWORD, "role", "restaurant_admin", "restaurant_id", restaurant.toString()))
                .post("/api/v1/users").then().statusCode(201);
        String admin = accessToken("boss-" + suffix, PASSWORD);
        as(admin).body(Map.of("username", "cook-" + suffix, "email", "cook-" + suffix + "@example.com",
                "password", PASSWORD, "role", "chef")).post("/api/v1/users").then().statusCode(201)
                .body("restaurant_id", equalTo(restaurant.toString()));
        var pair = AuthApi.login("cook-" + suffix, PASSWORD).then().statusCode(200).extract();
        as(pair.path("access_token")).get("/api/v1/auth/me").then().statusCode(200)
                .body("role", equalTo("chef")).body("restaurant_id", equalTo(restaurant.toString()));
        client().body(Map.of("refresh_token", pair.path("refresh_token"))).post("/api/v1/auth/refresh")
                .then().statusCode(200);
    }
}
