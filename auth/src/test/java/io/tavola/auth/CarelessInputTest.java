package io.tavola.auth;

import static io.tavola.auth.AuthApi.as;
import static io.tavola.auth.AuthApi.client;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, faults 5 and 9 in auth: a lone surrogate in {@code qr_token} was a 500 (it could not be put in
 * the restaurant service's URL), {@code ?role=chef} (the role as the API itself writes it) a 404, and
 * {@code ?size=abc} a 404.
 */
@QuarkusTest
class CarelessInputTest {

    private static final String PROBLEM = "application/problem+json";

    @BeforeEach
    void restaurantService() throws Exception {
        RestaurantDouble.ensureStarted();
    }

    @Test
    void aLoneSurrogateOrNulInTheQrTokenIsA400() {
        client().body("{\"qr_token\": \"\\ud800\"}").post("/api/v1/auth/guest")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("qr_token"));
        client().body("{\"qr_token\": \"ab\\u0000cd\"}").post("/api/v1/auth/guest")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("qr_token"));
        client().body("{\"qr_token\": \"x\", \"qrToken\": \"y\"}").post("/api/v1/auth/guest")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("qrToken"));
    }

    @Test
    void rolesInQueriesAreReadAsTheApiWritesThem() {
        UUID restaurant = UUID.randomUUID();
        AuthApi.createUser("chef", restaurant);
        for (String role : new String[] { "chef", "CHEF" }) {
            as(AuthApi.masterToken()).queryParam("role", role).queryParam("restaurant_id", restaurant.toString())
                    .get("/api/v1/users").then().statusCode(200)
                    .body("total", greaterThanOrEqualTo(1)).body("items.role", everyItem(equalTo("chef")));
        }
        as(AuthApi.masterToken()).queryParam("role", "sous_chef").get("/api/v1/users")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("role"));
        as(AuthApi.masterToken()).queryParam("size", "abc").get("/api/v1/users")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("size"));
        as(AuthApi.masterToken()).queryParam("restaurant_id", "nope").get("/api/v1/users")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("restaurant_id"));
    }
}
