package io.tavola.restaurant;

import static io.tavola.restaurant.TestData.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.tavola.common.testkit.TestTokens;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** When kitchen tickets turn amber and red is the restaurant's setting, not the screen's URL (issue 17). */
@QuarkusTest
class KitchenTicketAgesTest {

    private static final String PATH = "/api/v1/restaurants/{rid}";
    private static final String PROBLEM = "application/problem+json";

    @Test
    void adminSetsThemTheKitchenReadsThem() {
        UUID rid = TestData.restaurant("Ticket ages");
        as(TestTokens.chef(rid)).get(PATH, rid).then().statusCode(200)
                .body("kitchen_warning_minutes", equalTo(5)).body("kitchen_late_minutes", equalTo(8));
        as(TestTokens.admin(rid)).body(Map.of("kitchen_warning_minutes", 4, "kitchen_late_minutes", 10))
                .patch(PATH, rid).then().statusCode(200)
                .body("kitchen_warning_minutes", equalTo(4)).body("kitchen_late_minutes", equalTo(10));
        as(TestTokens.chef(rid)).get(PATH, rid).then().body("kitchen_warning_minutes", equalTo(4))
                .body("kitchen_late_minutes", equalTo(10));
    }

    @Test
    void amberComesBeforeRed() {
        UUID rid = TestData.restaurant("Ticket ages order");
        String admin = TestTokens.admin(rid);
        as(admin).body(Map.of("kitchen_warning_minutes", 9, "kitchen_late_minutes", 9)).patch(PATH, rid).then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("kitchen_late_minutes"));
        // only one of them sent: checked against the stored other (8)
        as(admin).body(Map.of("kitchen_warning_minutes", 12)).patch(PATH, rid).then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("kitchen_late_minutes"));
        as(admin).body(Map.of("kitchen_warning_minutes", 0)).patch(PATH, rid).then().statusCode(400)
                .body("errors.field", hasItem("kitchen_warning_minutes"));
        as(admin).body(Map.of("kitchen_late_minutes", "10")).patch(PATH, rid).then().statusCode(400);
        as(admin).get(PATH, rid).then().body("kitchen_warning_minutes", equalTo(5))
                .body("kitchen_late_minutes", equalTo(8));
        as(TestTokens.master()).body(Map.of("name", "Aged", "currency", "EUR", "time_zone", "Europe/Rome",
                "kitchen_warning_minutes", 20, "kitchen_late_minutes", 15)).post("/api/v1/restaurants").then()
                .statusCode(400).body("errors.field", hasItem("kitchen_late_minutes"));
    }

    @Test
    void onlyTheRestaurantsAdminChangesThem() {
        UUID rid = TestData.restaurant("Ticket ages guard");
        UUID other = TestData.restaurant("Ticket ages other");
        Map<String, Object> body = Map.of("kitchen_warning_minutes", 2, "kitchen_late_minutes", 3);
        as(TestTokens.chef(rid)).body(body).patch(PATH, rid).then().statusCode(403).contentType(PROBLEM);
        as(TestTokens.waiter(rid)).body(body).patch(PATH, rid).then().statusCode(403);
        for (String outsider : TestData.outsiders(other)) {
            as(outsider).body(body).patch(PATH, rid).then().statusCode(404);
        }
        as(TestTokens.admin(rid)).get(PATH, rid).then().body("kitchen_warning_minutes", equalTo(5));
    }
}
