package io.tavola.orders.web;

import static io.tavola.orders.testenv.Api.as;
import static io.tavola.orders.testenv.Api.line;
import static io.tavola.orders.testenv.Api.order;
import static io.tavola.orders.testenv.Api.placed;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.tavola.common.testkit.Tables;
import io.tavola.common.testkit.TestTokens;
import io.tavola.orders.testenv.TestRestaurant;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, faults 5 and 9: inputs that gave a 500 or were half-understood are 400 problem+json (or 422)
 * and change nothing; a database that is away is a 503 with Retry-After, not a 500.
 */
@QuarkusTest
class CarelessInputTest {

    private static final String PROBLEM = "application/problem+json";

    private record Setup(TestRestaurant restaurant, UUID pizza, UUID table, String guest) {}

    private static Setup setup() {
        TestRestaurant r = TestRestaurant.create();
        UUID pizza = r.item("Margherita", "9.50");
        r.publish();
        UUID table = UUID.randomUUID();
        return new Setup(r, pizza, table, TestTokens.guest(r.id, table));
    }

    private static long orders(TestRestaurant r) {
        return Tables.count("select count(*) from orders.customer_order where restaurant_id = '" + r.id + "'");
    }

    @Test
    void aKeyGivenTwiceIsA400AndChangesNothing() {
        Setup s = setup();
        String id = placed(s.guest, order(line(s.pizza, 1)));
        // a one-field record gave Jackson's InvalidDefinitionException: a 500 with an empty body
        as(TestTokens.chef(s.restaurant.id)).body("{\"status\": \"PREPARING\", \"status\": \"READY\"}")
                .when().put("/api/v1/orders/" + id + "/status")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("'status'"));
        as(TestTokens.chef(s.restaurant.id)).when().get("/api/v1/orders/" + id).then().statusCode(200)
                .body("status", equalTo("CONFIRMED"));
        as(s.guest).body("{\"items\": [], \"items\": []}").when().post("/api/v1/orders")
                .then().statusCode(400).contentType(PROBLEM);
        assertEquals(1, orders(s.restaurant));
    }

    @Test
    void aNulCharacterInANoteIsA400NamingTheField() {
        Setup s = setup();
        as(s.guest).body(order(line(s.pizza, 1)).put("note", "no\u0000onions").encode()).when().post("/api/v1/orders")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("note"));
        as(s.guest).body(order(line(s.pizza, 1).put("note", "\u0000")).encode()).when().post("/api/v1/orders")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("items[0].note"));
        // escaped in the JSON text: a Java string with a lone surrogate would not survive UTF-8 encoding
        as(s.guest).body(order(line(s.pizza, 1)).put("note", "LONE").encode().replace("LONE", "lone \\ud800 surrogate"))
                .when().post("/api/v1/orders").then().statusCode(400).contentType(PROBLEM);
        as(s.guest).when().get("/api/v1/orders?status=%00").then().statusCode(400).contentType(PROBLEM);
        assertEquals(0, orders(s.restaurant));
        // line breaks and tabs are ordinary text
        placed(s.guest, order(line(s.pizza, 1)).put("note", "no onions,\n\tplease"));
    }

    @Test
    void pagesFarOutOfRangeAndMalformedPageSizesAre400() {
        Setup s = setup();
        String admin = TestTokens.admin(s.restaurant.id);
        for (String path : new String[] { "/api/v1/orders", "/api/v1/sessions" }) {
            as(admin).when().get(path + "?page=2147483647").then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo("page"));
            as(admin).when().get(path + "?size=abc").then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo("size"));
            as(admin).when().get(path + "?page=100000").then().statusCode(200);
        }
        // a malformed id in the path still names no resource: 404
        as(admin).when().get("/api/v1/orders/not-a-uuid").then().statusCode(404);
    }

    @Test
    void unknownFieldsAndWronglyTypedNumbersAreRefused() {
        Setup s = setup();
        // prices come from the restaurant; a client's unit_price was silently ignored, now it is refused
        as(s.guest).body(order(line(s.pizza, 1).put("unit_price", 0.01)).encode()).when().post("/api/v1/orders")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("items[0].unit_price"));
        as(s.guest).body(order(line(s.pizza, 1)).put("tableLabel", "camelCase").encode()).when().post("/api/v1/orders")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("tableLabel"));
        as(s.guest).body(order(line(s.pizza, 1).put("quantity", 1.5)).encode()).when().post("/api/v1/orders")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("items[0].quantity"));
        as(s.guest).body(order(line(s.pizza, 1).put("quantity", "2")).encode()).when().post("/api/v1/orders")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("items[0].quantity"));
        as(s.guest).body(order(line(s.pizza, 1)).put("note", 5).encode()).when().post("/api/v1/orders")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("note"));
        assertEquals(0, orders(s.restaurant));
    }

    @Test
    void anIdempotencyKeyReusedWithAnotherOrderIsA422() {
        Setup s = setup();
        String key = UUID.randomUUID().toString();
        JsonObject first = order(line(s.pizza, 1));
        String id = as(s.guest).header("Idempotency-Key", key).body(first.encode()).when().post("/api/v1/orders")
                .then().statusCode(201).extract().path("id");
        // the same request again is the same order (a retry)...
        as(s.guest).header("Idempotency-Key", key).body(first.encode()).when().post("/api/v1/orders")
                .then().statusCode(201).body("id", equalTo(id)).header("Idempotent-Replayed", "true");
        // ...another request with that key was answered with the first order; now it is refused
        as(s.guest).header("Idempotency-Key", key).body(order(line(s.pizza, 3)).encode()).when().post("/api/v1/orders")
                .then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("https://tavola.io/problems/idempotency-key-reused"));
        assertEquals(1, orders(s.restaurant));
    }

    @Test
    void withTheDatabaseAwayEveryCallIsA503WithRetryAfterAndRecovers() {
        Setup s = setup();
        placed(s.guest, order(line(s.pizza, 1)));
        TestRestaurant.cutDatabase();
        try {
            as(s.guest).when().get("/api/v1/sessions/current")
                    .then().time(lessThan(2L), TimeUnit.SECONDS).statusCode(503).contentType(PROBLEM)
                    .header("Retry-After", notNullValue())
                    .body("type", equalTo("https://tavola.io/problems/service-unavailable"));
            as(TestTokens.admin(s.restaurant.id)).when().get("/api/v1/orders")
                    .then().time(lessThan(2L), TimeUnit.SECONDS).statusCode(503).header("Retry-After", notNullValue());
            as(s.guest).body(order(line(s.pizza, 1)).encode()).when().post("/api/v1/orders")
                    .then().time(lessThan(2L), TimeUnit.SECONDS).statusCode(503).header("Retry-After", notNullValue());
        } finally {
            TestRestaurant.restoreDatabase();
        }
        // no restart needed: the pool connects again
        org.awaitility.Awaitility.await().atMost(10, TimeUnit.SECONDS).untilAsserted(() -> as(s.guest)
                .when().get("/api/v1/sessions/current").then().statusCode(200));
        assertEquals(1, orders(s.restaurant));
    }
}
