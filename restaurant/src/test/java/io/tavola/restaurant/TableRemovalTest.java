package io.tavola.restaurant;

import static io.tavola.restaurant.TestData.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.tavola.common.testkit.TestTokens;
import io.tavola.restaurant.testenv.OrdersDouble;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** Editing and removing tables (issue 17): a table whose party still has an open tab is not removed. */
@QuarkusTest
class TableRemovalTest {

    private static final String PATH = "/api/v1/restaurants/{rid}/tables/{id}";
    private static final String PROBLEM = "application/problem+json";

    @Test
    void aTableWithAnOpenTabStaysUntilTheTabIsClosed() {
        UUID rid = TestData.restaurant("Open tab");
        UUID id = UUID.fromString(as(TestTokens.admin(rid)).body(Map.of("table_number", "3", "label", "Window 3",
                "capacity", 2)).post("/api/v1/restaurants/{rid}/tables", rid).then().statusCode(201)
                .extract().path("id"));
        OrdersDouble.openTab(rid, id);
        String admin = TestTokens.admin(rid);
        as(admin).delete(PATH, rid, id).then().statusCode(409).contentType(PROBLEM)
                .body("type", endsWith("table-has-open-tab"))
                .body("detail", containsString("'Window 3' still has an open tab"));
        as(admin).get(PATH, rid, id).then().statusCode(200);
        // orders was asked for this restaurant's open tabs, with the admin's own token
        OrdersDouble.Seen asked = OrdersDouble.seen().stream().filter(s -> rid.toString().equals(s.restaurantId()))
                .reduce((a, b) -> b).orElseThrow();
        Assertions.assertEquals("open", asked.status());
        Assertions.assertEquals(TestTokens.bearer(admin), asked.authorization());

        OrdersDouble.closeTab(id);
        as(admin).delete(PATH, rid, id).then().statusCode(204);
        as(admin).get(PATH, rid, id).then().statusCode(404);
    }

    @Test
    void anOpenTabOnALaterPageCountsToo() {
        UUID rid = TestData.restaurant("Many tabs");
        UUID id = TestData.table(rid, "150");
        for (int i = 0; i < 150; i++) {
            OrdersDouble.openTab(rid, UUID.randomUUID());
        }
        OrdersDouble.openTab(rid, id);
        as(TestTokens.master()).delete(PATH, rid, id).then().statusCode(409).contentType(PROBLEM);
        OrdersDouble.closeTab(id);
        as(TestTokens.master()).delete(PATH, rid, id).then().statusCode(204);
    }

    @Test
    void ordersAwayMeansNothingIsRemoved() {
        UUID rid = TestData.restaurant("Orders away");
        UUID id = TestData.table(rid, "9");
        OrdersDouble.down(true);
        try {
            as(TestTokens.admin(rid)).delete(PATH, rid, id).then().statusCode(503).contentType(PROBLEM)
                    .header("Retry-After", equalTo("5"));
        } finally {
            OrdersDouble.down(false);
        }
        as(TestTokens.admin(rid)).get(PATH, rid, id).then().statusCode(200);
    }

    @Test
    void onlyTheRestaurantsAdminEditsAndRemoves() {
        UUID rid = TestData.restaurant("Guarded tables");
        UUID other = TestData.restaurant("Other tables");
        UUID id = TestData.table(rid, "5");
        Map<String, Object> edit = Map.of("table_number", "5b", "label", "Patio 5", "capacity", 6, "zone", "patio",
                "is_active", true);
        int before = OrdersDouble.seen().size();
        as(TestTokens.admin(other)).body(edit).put(PATH, rid, id).then().statusCode(404).contentType(PROBLEM);
        as(TestTokens.admin(other)).delete(PATH, rid, id).then().statusCode(404).contentType(PROBLEM);
        as(TestTokens.chef(rid)).body(edit).put(PATH, rid, id).then().statusCode(403).contentType(PROBLEM);
        as(TestTokens.chef(rid)).delete(PATH, rid, id).then().statusCode(403).contentType(PROBLEM);
        // refused callers never reach orders
        Assertions.assertEquals(before, OrdersDouble.seen().size());
        as(TestTokens.admin(rid)).body(edit).put(PATH, rid, id).then().statusCode(200)
                .body("table_number", equalTo("5b")).body("label", equalTo("Patio 5")).body("capacity", equalTo(6));
        as(TestTokens.admin(rid)).delete(PATH, rid, id).then().statusCode(204);
    }
}
