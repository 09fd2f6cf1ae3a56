package io.tavola.auth;

import static io.tavola.auth.AuthApi.as;
import static io.tavola.auth.AuthApi.client;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GuestTokenTest {

    @BeforeEach
    void restaurantService() throws Exception {
        RestaurantDouble.ensureStarted();
    }

    @Test
    void aScannedQrTokenGivesAFourHourGuestTokenForThatTable() {
        UUID restaurant = UUID.randomUUID();
        UUID table = UUID.randomUUID();
        var answer = client().body(Map.of("qr_token", RestaurantDouble.qrToken(restaurant, table)))
                .post("/api/v1/auth/guest").then().statusCode(200)
                .body("token_type", equalTo("bearer"))
                .body("expires_in", equalTo(4 * 3600))
                .body("restaurant_id", equalTo(restaurant.toString()))
                .body("table_id", equalTo(table.toString()))
                .body("table_label", equalTo("Window 7"))
                .extract();
        String token = answer.path("access_token");
        Map<String, Object> claims = AuthApi.claims(token);
        assertEquals(List.of("guest"), claims.get("groups"));
        assertEquals(restaurant.toString(), claims.get("restaurant_id"));
        assertEquals(table.toString(), claims.get("table_id"));
        // the table's generation from the restaurant service: a new code or a deactivation ends this token
        assertEquals(3, ((Number) claims.get("table_gen")).intValue());
        assertEquals("Window 7", claims.get("table_label"));
        as(token).get("/api/v1/auth/me").then().statusCode(200).body("role", equalTo("guest"))
                .body("table_id", equalTo(table.toString()));
    }

    @Test
    void unknownOrRotatedQrTokenIs404() {
        client().body(Map.of("qr_token", "rotated-or-never-existed")).post("/api/v1/auth/guest").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void missingQrTokenIs400() {
        client().body(Map.of()).post("/api/v1/auth/guest").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("qr_token"));
    }

    @Test
    void guestsManageNoUsers() {
        String guest = client().body(Map.of("qr_token", RestaurantDouble.qrToken(UUID.randomUUID(), UUID.randomUUID())))
                .post("/api/v1/auth/guest").then().statusCode(200).extract().path("access_token");
        as(guest).get("/api/v1/users").then().statusCode(403);
    }
}
