package io.tavola.restaurant;

import static io.restassured.RestAssured.given;
import static io.tavola.restaurant.TestData.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tavola.common.testkit.TestTokens;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RestaurantResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void masterCreatesWithDefaultsAndLocation() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Trattoria Roma");
        body.put("currency", "EUR");
        body.put("time_zone", "Europe/Rome");
        body.put("email", "ciao@roma.example");
        String location = as(TestTokens.master()).body(body).post("/api/v1/restaurants")
                .then().statusCode(201)
                .header("Location", startsWith("http"))
                .body("name", equalTo("Trattoria Roma"))
                .body("is_active", equalTo(true))
                .body("order_confirmation_required", equalTo(true))
                .body("service_request_cooldown_seconds", equalTo(120))
                .body("subscription_plan", equalTo("basic"))
                .body("subscription_status", equalTo("trial"))
                .body("logo_url", nullValue())
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        as(TestTokens.admin(UUID.fromString(id))).get(location).then().statusCode(200)
                .body("id", equalTo(id)).body("currency", equalTo("EUR")).body("time_zone", equalTo("Europe/Rome"));
        as(TestTokens.master()).queryParam("size", 100).get("/api/v1/restaurants").then().statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(100));
    }

    @Test
    void onlyMasterCreates() {
        UUID rid = TestData.restaurant("Own");
        Map<String, Object> body = Map.of("name", "X", "currency", "EUR", "time_zone", "Europe/Rome");
        long before = io.tavola.common.testkit.Tables.count("select count(*) from restaurant.restaurants");
        as(TestTokens.admin(rid)).body(body).post("/api/v1/restaurants").then().statusCode(403).contentType(PROBLEM);
        as(TestTokens.customer(UUID.randomUUID())).body(body).post("/api/v1/restaurants").then().statusCode(403);
        given().contentType(ContentType.JSON).body(body).post("/api/v1/restaurants").then().statusCode(401)
                .contentType(PROBLEM);
        org.junit.jupiter.api.Assertions.assertEquals(before,
                io.tavola.common.testkit.Tables.count("select count(*) from restaurant.restaurants"));
    }

    @Test
    void staffListOnlyTheirOwn() {
        UUID a = TestData.restaurant("List A");
        UUID b = TestData.restaurant("List B");
        for (String token : new String[] { TestTokens.admin(a), TestTokens.chef(a), TestTokens.waiter(a) }) {
            as(token).get("/api/v1/restaurants").then().statusCode(200)
                    .body("total", equalTo(1)).body("items.id", everyItem(equalTo(a.toString())));
        }
        as(TestTokens.customer(UUID.randomUUID())).get("/api/v1/restaurants").then().statusCode(403);
        UUID newest = TestData.restaurant("List C");
        as(TestTokens.master()).queryParam("size", 2).get("/api/v1/restaurants").then().statusCode(200)
                .body("items[0].id", equalTo(newest.toString())).body("items[1].id", equalTo(b.toString()))
                .body("total", org.hamcrest.Matchers.greaterThanOrEqualTo(3));
    }

    @Test
    void adminEditsOwnButNotActivationOrSubscription() {
        UUID rid = TestData.restaurant("Editable");
        as(TestTokens.admin(rid)).body(Map.of("name", "Edited", "order_confirmation_required", false,
                "service_request_cooldown_seconds", 60, "description", "Family run"))
                .patch("/api/v1/restaurants/{rid}", rid).then().statusCode(200)
                .body("name", equalTo("Edited")).body("order_confirmation_required", equalTo(false))
                .body("service_request_cooldown_seconds", equalTo(60)).body("currency", equalTo("EUR"));
        as(TestTokens.admin(rid)).body(Map.of("is_active", false)).patch("/api/v1/restaurants/{rid}", rid)
                .then().statusCode(403).contentType(PROBLEM);
        as(TestTokens.admin(rid)).body(Map.of("subscription_plan", "premium"))
                .patch("/api/v1/restaurants/{rid}", rid).then().statusCode(403);
        as(TestTokens.chef(rid)).body(Map.of("name", "Chef's")).patch("/api/v1/restaurants/{rid}", rid)
                .then().statusCode(403);
        as(TestTokens.master()).body(Map.of("subscription_plan", "premium", "subscription_status", "active"))
                .patch("/api/v1/restaurants/{rid}", rid).then().statusCode(200)
                .body("subscription_plan", equalTo("premium")).body("subscription_status", equalTo("active"));
        as(TestTokens.waiter(rid)).get("/api/v1/restaurants/{rid}", rid).then().statusCode(200)
                .body("name", equalTo("Edited"));
    }

    @Test
    void otherRestaurantsCallersGet404AndChangeNothing() {
        UUID a = TestData.restaurant("Tenant A");
        UUID b = TestData.restaurant("Tenant B");
        for (String token : TestData.outsiders(b)) {
            as(token).get("/api/v1/restaurants/{rid}", a).then().statusCode(404).contentType(PROBLEM);
            as(token).body(Map.of("name", "Hijacked")).patch("/api/v1/restaurants/{rid}", a).then().statusCode(404);
            as(token).contentType("image/png").body(Images.png()).put("/api/v1/restaurants/{rid}/logo", a)
                    .then().statusCode(404);
            as(token).delete("/api/v1/restaurants/{rid}/logo", a).then().statusCode(404);
        }
        as(TestTokens.admin(a)).get("/api/v1/restaurants/{rid}", a).then().statusCode(200)
                .body("name", equalTo("Tenant A")).body("logo_url", nullValue());
        as(TestTokens.master()).get("/api/v1/restaurants/{rid}", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void badInputIsProblemJsonNamingTheField() {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Bad", "currency", "EURO", "time_zone", "Europe/Rome"));
        as(TestTokens.master()).body(body).post("/api/v1/restaurants").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("currency"));
        body.put("currency", "ABC");
        as(TestTokens.master()).body(body).post("/api/v1/restaurants").then().statusCode(400)
                .body("errors.field", hasItem("currency"));
        body.put("currency", "EUR");
        body.put("time_zone", "Mars/Olympus");
        as(TestTokens.master()).body(body).post("/api/v1/restaurants").then().statusCode(400)
                .body("errors.field", hasItem("time_zone"));
        body.put("time_zone", "Europe/Rome");
        body.put("email", "not-an-email");
        as(TestTokens.master()).body(body).post("/api/v1/restaurants").then().statusCode(400)
                .body("errors.field", hasItem("email"));
        body.remove("email");
        body.put("name", " ");
        as(TestTokens.master()).body(body).post("/api/v1/restaurants").then().statusCode(400)
                .body("errors.field", hasItem("name"));
        UUID rid = TestData.restaurant("Patched badly");
        as(TestTokens.admin(rid)).body("{\"service_request_cooldown_seconds\": \"soon\"}")
                .patch("/api/v1/restaurants/{rid}", rid).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("service_request_cooldown_seconds"));
        as(TestTokens.admin(rid)).body(Map.of("service_request_cooldown_seconds", -5))
                .patch("/api/v1/restaurants/{rid}", rid).then().statusCode(400)
                .body("errors.field", hasItem("service_request_cooldown_seconds"));
        as(TestTokens.master()).body(Map.of("subscription_status", "gold")).patch("/api/v1/restaurants/{rid}", rid)
                .then().statusCode(400).body("errors.field", hasItem("subscription_status"));
        as(TestTokens.master()).body("{\"name\": \"Broken\",").post("/api/v1/restaurants").then().statusCode(400)
                .contentType(PROBLEM);
        as(TestTokens.admin(rid)).get("/api/v1/restaurants/{rid}", rid).then().body("name", equalTo("Patched badly"))
                .body("service_request_cooldown_seconds", equalTo(120));
    }
}
