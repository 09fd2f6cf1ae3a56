package io.tavola.orders.analytics;

import static io.restassured.RestAssured.given;
import static io.tavola.common.testkit.Management.management;
import static io.tavola.orders.testenv.Api.as;
import static io.tavola.orders.testenv.Api.line;
import static io.tavola.orders.testenv.Api.order;
import static io.tavola.orders.testenv.Api.placed;
import static io.tavola.orders.testenv.Api.status;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.tavola.common.testkit.TestTokens;
import io.tavola.orders.testenv.Sql;
import io.tavola.orders.testenv.TestRestaurant;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SalesAnalyticsTest {

    /**
     * Tokyo is UTC+9. Local dates 2026-11-20..21 are [2026-11-19T15:00Z, 2026-11-21T15:00Z).
     * <pre>
     *  order  placed (UTC)        local (Tokyo)       what                        total  prep
     *  A      11-20 14:30         11-20 23:30         2 Margherita                19.00  12 min
     *  B      11-20 15:10         11-21 00:10         1 Margherita + 1 Tiramisu   15.50  20 min
     *  C      11-21 03:00         11-21 12:00         3 Margherita                28.50  -
     *  D      11-21 16:00         11-22 01:00         1 Margherita (out of range)  9.50
     *  E      11-19 14:59         11-19 23:59         1 Margherita (out of range)  9.50
     *  F      11-20 20:00         11-21 05:00         1 Tiramisu, cancelled        6.00
     * </pre>
     * By local day: 11-20 -> A (1, 19.00); 11-21 -> B, C (2, 44.00). In UTC days B would fall on the
     * 20th, so a report bucketed in UTC fails this test. Summary: 3 orders, 63.00, ticket 21.00, prep 16.0.
     * By hour: 23 -> 19.00, 0 -> 15.50, 12 -> 28.50. Popular: Margherita 6 (57.00), Tiramisu 1 (6.00).
     */
    @Test
    void figuresFollowTheRestaurantsLocalDaysAcrossMidnight() {
        TestRestaurant r = TestRestaurant.create().set("time_zone", "Asia/Tokyo").set("currency", "JPY");
        UUID pizza = r.item("Margherita", "9.50");
        UUID tiramisu = r.item("Tiramisu", "6.00");
        r.publish();
        String customer = TestTokens.customer(UUID.randomUUID());
        String a = takeaway(customer, r, line(pizza, 2));
        String b = takeaway(customer, r, line(pizza, 1), line(tiramisu, 1));
        String c = takeaway(customer, r, line(pizza, 3));
        String d = takeaway(customer, r, line(pizza, 1));
        String e = takeaway(customer, r, line(pizza, 1));
        String f = takeaway(customer, r, line(tiramisu, 1));
        status(TestTokens.admin(r.id), f, "CANCELLED").then().statusCode(200);
        at(a, "2026-11-20 14:30:00+00");
        at(b, "2026-11-20 15:10:00+00");
        at(c, "2026-11-21 03:00:00+00");
        at(d, "2026-11-21 16:00:00+00");
        at(e, "2026-11-19 14:59:00+00");
        at(f, "2026-11-20 20:00:00+00");
        Sql.exec("update orders.customer_order set preparing_at = created_at + interval '5 minutes', "
                + "ready_at = created_at + interval '17 minutes' where id = '" + a + "'");
        Sql.exec("update orders.customer_order set preparing_at = created_at + interval '5 minutes', "
                + "ready_at = created_at + interval '25 minutes' where id = '" + b + "'");

        as(TestTokens.admin(r.id)).when().get("/api/v1/analytics?from=2026-11-20&to=2026-11-21").then()
                .statusCode(200)
                .body("time_zone", equalTo("Asia/Tokyo"))
                .body("currency", equalTo("JPY"))
                .body("summary.order_count", equalTo(3))
                .body("summary.revenue", equalTo(63.00f))
                .body("summary.average_ticket", equalTo(21.00f))
                .body("summary.average_preparation_minutes", equalTo(16.0f))
                .body("by_day.date", equalTo(List.of("2026-11-20", "2026-11-21")))
                .body("by_day.order_count", equalTo(List.of(1, 2)))
                .body("by_day.revenue", equalTo(List.of(19.00f, 44.00f)))
                .body("by_hour", hasSize(24))
                .body("by_hour[23].revenue", equalTo(19.00f))
                .body("by_hour[0].revenue", equalTo(15.50f))
                .body("by_hour[12].order_count", equalTo(1))
                .body("by_hour[12].revenue", equalTo(28.50f))
                .body("by_hour[5].order_count", equalTo(0))
                .body("popular_items.name", equalTo(List.of("Margherita", "Tiramisu")))
                .body("popular_items.quantity", equalTo(List.of(6, 1)))
                .body("popular_items.revenue", equalTo(List.of(57.00f, 6.00f)));

        // one local day, the quiet one after
        as(TestTokens.master()).when().get("/api/v1/analytics?restaurant_id=" + r.id + "&from=2026-11-22&to=2026-11-23")
                .then().statusCode(200)
                .body("summary.order_count", equalTo(1))
                .body("summary.average_preparation_minutes", equalTo(null))
                .body("by_day.order_count", equalTo(List.of(1, 0)));
    }

    @Test
    void onlyTheRestaurantsAdminsSeeItsFigures() {
        TestRestaurant r = TestRestaurant.create();
        r.item("Margherita", "9.50");
        r.publish();
        String range = "from=2026-11-01&to=2026-11-30";
        as(TestTokens.admin(UUID.randomUUID())).when().get("/api/v1/analytics?restaurant_id=" + r.id + "&" + range)
                .then().statusCode(404).contentType("application/problem+json");
        as(TestTokens.chef(r.id)).when().get("/api/v1/analytics?" + range).then().statusCode(403);
        as(TestTokens.guest(r.id, UUID.randomUUID())).when().get("/api/v1/analytics?" + range).then().statusCode(403);
        as(TestTokens.customer(UUID.randomUUID())).when().get("/api/v1/analytics?" + range).then().statusCode(403);
        as(TestTokens.master()).when().get("/api/v1/analytics?" + range).then().statusCode(400)
                .body("errors[0].field", equalTo("restaurant_id"));
        as(TestTokens.admin(r.id)).when().get("/api/v1/analytics?from=2026-11-31&to=2026-12-01").then()
                .statusCode(400).body("errors[0].field", equalTo("from"));
        as(TestTokens.admin(r.id)).when().get("/api/v1/analytics?from=2026-11-10&to=2026-11-01").then()
                .statusCode(400).body("errors[0].field", equalTo("to"));
        given().when().get("/api/v1/analytics?" + range).then().statusCode(401);
    }

    @Test
    void businessMetricsAreTaggedByRestaurant() {
        TestRestaurant r = TestRestaurant.create().set("order_confirmation_required", true);
        UUID pizza = r.item("Margherita", "9.50");
        r.publish();
        placed(TestTokens.guest(r.id, UUID.randomUUID()), order(line(pizza, 2)));
        placed(TestTokens.guest(r.id, UUID.randomUUID()), order(line(pizza, 1)));
        String tag = "restaurant_id=\"" + r.id + "\"";
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> management().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("orders_created_total{" + tag + "} 2.0"))
                .body(containsString("orders_revenue_total{currency=\"EUR\"," + tag + "} 28.5"))
                .body(containsString("orders_in_status{" + tag + ",status=\"PENDING\"} 2.0")));
    }

    private static String takeaway(String customer, TestRestaurant r, io.vertx.core.json.JsonObject... lines) {
        return placed(customer, order(lines).put("type", "takeaway").put("restaurant_id", r.id.toString()));
    }

    private static void at(String orderId, String createdAt) {
        Sql.exec("update orders.customer_order set created_at = '" + createdAt + "', updated_at = '" + createdAt
                + "' where id = '" + orderId + "'");
    }
}
