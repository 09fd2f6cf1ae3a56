package io.tavola.orders.order;

import static io.tavola.orders.testenv.Api.as;
import static io.tavola.orders.testenv.Api.line;
import static io.tavola.orders.testenv.Api.order;
import static io.tavola.orders.testenv.Api.place;
import static io.tavola.orders.testenv.Api.placed;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tavola.common.testkit.Tables;
import io.tavola.common.testkit.TestTokens;
import io.tavola.orders.testenv.TestRestaurant;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrderPlacementTest {

    @Test
    void theTotalComesFromTheRestaurantsPricesNotFromTheClient() {
        TestRestaurant r = TestRestaurant.create();
        UUID pizza = r.item("Margherita", "9.50");
        UUID size = r.group(pizza, "Size", 1, 1);
        r.option(pizza, size, "Regular", "0.00");
        UUID large = r.option(pizza, size, "Large", "2.00");
        UUID extras = r.group(pizza, "Extras", 0, 3);
        UUID burrata = r.option(pizza, extras, "Burrata", "3.25");
        UUID water = r.item("Water", "2.00");
        r.publish();
        String guest = TestTokens.guest(r.id, UUID.randomUUID());

        // a client's prices are not even read: a body carrying them is refused (unknown fields, issue 12)
        JsonObject cheat = order(line(pizza, 2, large, burrata).put("unit_price", 0.01).put("note", "no basil"),
                line(water, 1).put("unit_price", 0))
                .put("total_amount", 0.01);
        place(guest, cheat).then().statusCode(400).body("type", equalTo("https://tavola.io/problems/validation-failed"));
        JsonObject honest = order(line(pizza, 2, large, burrata).put("note", "no basil"), line(water, 1));
        place(guest, honest).then().statusCode(201)
                .header("Location", containsString("/api/v1/orders/"))
                .body("type", equalTo("dine_in"))
                .body("currency", equalTo("EUR"))
                .body("total_amount", equalTo(31.50f))
                .body("items[0].name", equalTo("Margherita"))
                .body("items[0].unit_price", equalTo(14.75f))
                .body("items[0].line_total", equalTo(29.50f))
                .body("items[0].note", equalTo("no basil"))
                .body("items[0].modifiers.name", equalTo(List.of("Large", "Burrata")))
                .body("items[0].modifiers.price_delta", equalTo(List.of(2.00f, 3.25f)))
                .body("items[1].line_total", equalTo(2.00f))
                .body("status", equalTo("CONFIRMED"))
                .body("status_history", hasSize(1))
                .body("status_history[0].from", nullValue())
                .body("status_history[0].to", equalTo("CONFIRMED"))
                .body("status_history[0].by_role", equalTo("guest"));
    }

    @Test
    void anUnavailableItemIsAConflictNamingTheItemAndStoresNothing() {
        TestRestaurant r = TestRestaurant.create();
        UUID pizza = r.item("Margherita", "9.50");
        UUID tiramisu = r.item("Tiramisu", "6.00");
        r.available(tiramisu, false).publish();
        long before = Tables.count("select count(*) from orders.customer_order where restaurant_id = '" + r.id + "'");

        place(TestTokens.guest(r.id, UUID.randomUUID()), order(line(pizza, 1), line(tiramisu, 1)))
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("Tiramisu"));
        assertEquals(before, Tables.count("select count(*) from orders.customer_order where restaurant_id = '" + r.id + "'"));
        assertEquals(0, Tables.count("select count(*) from orders.table_session where restaurant_id = '" + r.id + "'"));
    }

    @Test
    void aBrokenModifierRuleIsABadRequestNamingTheItem() {
        TestRestaurant r = TestRestaurant.create();
        UUID pizza = r.item("Margherita", "9.50");
        UUID size = r.group(pizza, "Size", 1, 1);
        UUID small = r.option(pizza, size, "Small", "0.00");
        UUID large = r.option(pizza, size, "Large", "2.00");
        r.publish();
        String guest = TestTokens.guest(r.id, UUID.randomUUID());

        place(guest, order(line(pizza, 1, small, large))).then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("Margherita: Size: choose exactly 1"))
                .body("errors[0].field", equalTo("items[0]"));
        place(guest, order(line(pizza, 1))).then().statusCode(400)
                .body("detail", containsString("Margherita"));
        place(guest, order(line(UUID.randomUUID(), 1))).then().statusCode(400)
                .body("detail", containsString("unknown menu item"));
        assertEquals(0, Tables.count("select count(*) from orders.customer_order where restaurant_id = '" + r.id + "'"));
    }

    @Test
    void malformedOrInvalidBodiesAreProblemsNamingTheField() {
        TestRestaurant r = TestRestaurant.create();
        UUID pizza = r.item("Margherita", "9.50");
        r.publish();
        String guest = TestTokens.guest(r.id, UUID.randomUUID());

        as(guest).body("{\"items\": [{\"menu_item_id\": \"" + pizza + "\", \"quantity\": \"lots\"}]}")
                .when().post("/api/v1/orders")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("items[0].quantity"));
        as(guest).body("{\"items\": [").when().post("/api/v1/orders")
                .then().statusCode(400).contentType("application/problem+json");
        as(guest).body(order(line(pizza, 0)).encode()).when().post("/api/v1/orders")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("items[0].quantity"));
        as(guest).body(new JsonObject().put("items", List.of()).encode()).when().post("/api/v1/orders")
                .then().statusCode(400).body("errors[0].field", equalTo("items"));
        assertEquals(0, Tables.count("select count(*) from orders.customer_order where restaurant_id = '" + r.id + "'"));
    }

    @Test
    void walkoutGuardKeepsDinerOrdersPendingButStaffOrdersAreConfirmed() {
        TestRestaurant r = TestRestaurant.create().set("order_confirmation_required", true);
        UUID pizza = r.item("Margherita", "9.50");
        UUID table = r.table();
        r.publish();

        place(TestTokens.guest(r.id, table), order(line(pizza, 1))).then().statusCode(201)
                .body("status", equalTo("PENDING"));
        place(TestTokens.waiter(r.id), order(line(pizza, 1)).put("table_id", table.toString())).then().statusCode(201)
                .body("status", equalTo("CONFIRMED"))
                .body("status_history[0].by_role", equalTo("waiter"));
        place(TestTokens.customer(UUID.randomUUID()), order(line(pizza, 1)).put("restaurant_id", r.id.toString())
                .put("type", "takeaway")).then().statusCode(201)
                .body("status", equalTo("PENDING"))
                .body("type", equalTo("takeaway"))
                .body("session_id", nullValue());
    }

    @Test
    void whoMayOrderWhere() {
        TestRestaurant r = TestRestaurant.create();
        UUID pizza = r.item("Margherita", "9.50");
        r.publish();
        place(TestTokens.chef(r.id), order(line(pizza, 1)).put("table_id", UUID.randomUUID().toString()))
                .then().statusCode(403);
        place(TestTokens.waiter(r.id), order(line(pizza, 1))).then().statusCode(400)
                .body("errors[0].field", equalTo("table_id"));
        place(TestTokens.customer(UUID.randomUUID()), order(line(pizza, 1))).then().statusCode(400)
                .body("errors[0].field", equalTo("restaurant_id"));
        // a waiter of another restaurant cannot order for this one
        place(TestTokens.waiter(UUID.randomUUID()), order(line(pizza, 1)).put("restaurant_id", r.id.toString())
                .put("table_id", UUID.randomUUID().toString())).then().statusCode(404);
        io.restassured.RestAssured.given().contentType("application/json").body(order(line(pizza, 1)).encode())
                .when().post("/api/v1/orders").then().statusCode(401);
        assertEquals(0, Tables.count("select count(*) from orders.customer_order where restaurant_id = '" + r.id + "'"));
    }

    @Test
    void staffOrderOnlyAtTheirRestaurantsTables() {
        TestRestaurant mine = TestRestaurant.create();
        UUID pizza = mine.item("Margherita", "9.50");
        mine.publish();
        TestRestaurant other = TestRestaurant.create();
        UUID foreignTable = other.table();
        other.publish();
        // another restaurant's table, or one that does not exist: 404, and nothing is stored
        place(TestTokens.waiter(mine.id), order(line(pizza, 1)).put("table_id", foreignTable.toString()))
                .then().statusCode(404).contentType("application/problem+json");
        place(TestTokens.admin(mine.id), order(line(pizza, 1)).put("table_id", UUID.randomUUID().toString()))
                .then().statusCode(404);
        assertEquals(0, Tables.count("select count(*) from orders.customer_order where restaurant_id = '" + mine.id + "'"));
        assertEquals(0, Tables.count("select count(*) from orders.table_session where table_id = '" + foreignTable + "'"));
    }

    @Test
    void ordersArePricedFromTheBookWhileItsVersionHoldsAndAChangeReachesTheNextOrder() {
        TestRestaurant r = TestRestaurant.create();
        UUID pizza = r.item("Margherita", "9.50");
        r.publish();
        String guest = TestTokens.guest(r.id, UUID.randomUUID());
        for (int i = 0; i < 3; i++) {
            place(guest, order(line(pizza, 1))).then().statusCode(201).body("total_amount", equalTo(9.50f));
        }
        assertEquals(new JsonObject().put("book", 1).put("quote", 0), r.calls(), "one book read for three orders");

        r.price(pizza, "11.00").publish();
        place(guest, order(line(pizza, 1))).then().statusCode(201).body("total_amount", equalTo(11.00f));
        r.available(pizza, false).publish();
        place(guest, order(line(pizza, 1))).then().statusCode(409).body("type", containsString("item-unavailable"));
        r.set("is_active", false).available(pizza, true).publish();
        place(guest, order(line(pizza, 1))).then().statusCode(409).body("type", containsString("restaurant-inactive"));
        assertEquals(4, r.calls().getInteger("book"), "a new book after each change, and only then");
    }

    @Test
    void ordersThatFindNoCopyAtOnceShareOneReadOfTheBook() throws Exception {
        TestRestaurant r = TestRestaurant.create().bookDelay(400);
        UUID pizza = r.item("Margherita", "9.50");
        r.publish();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String guest = TestTokens.guest(r.id, UUID.randomUUID());
                calls.add(CompletableFuture.supplyAsync(() -> place(guest, order(line(pizza, 1))), pool));
            }
            for (CompletableFuture<Response> call : calls) {
                call.get().then().statusCode(201).body("total_amount", equalTo(9.50f));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, r.calls().getInteger("book"), "eight orders at once, one read of the restaurant's book");
    }

    @Test
    void theRestaurantsProfileIsWrittenWhenItChangedNotWithEveryOrder() {
        TestRestaurant r = TestRestaurant.create().set("service_request_cooldown_seconds", 90);
        UUID pizza = r.item("Margherita", "9.50");
        r.publish();
        String guest = TestTokens.guest(r.id, UUID.randomUUID());
        String profile = "from orders.restaurant_profile where restaurant_id = '" + r.id + "'";
        String writtenAt = "select (extract(epoch from updated_at) * 1000000)::bigint " + profile;
        place(guest, order(line(pizza, 1))).then().statusCode(201);
        long first = Tables.count(writtenAt);
        place(guest, order(line(pizza, 1))).then().statusCode(201);
        assertEquals(first, Tables.count(writtenAt), "the same profile is not written again");

        r.set("service_request_cooldown_seconds", 30).publish();
        place(guest, order(line(pizza, 1))).then().statusCode(201);
        assertEquals(30, Tables.count("select service_request_cooldown_seconds " + profile));
    }

    @Test
    void anUnknownRestaurantIsNotFoundAndAnUnreachableOneIsUnavailable() {
        place(TestTokens.customer(UUID.randomUUID()), order(line(UUID.randomUUID(), 1))
                .put("restaurant_id", UUID.randomUUID().toString()).put("type", "takeaway"))
                .then().statusCode(404).contentType("application/problem+json");

        TestRestaurant r = TestRestaurant.create();
        UUID pizza = r.item("Margherita", "9.50");
        r.down(true).publish();
        place(TestTokens.guest(r.id, UUID.randomUUID()), order(line(pizza, 1)))
                .then().statusCode(503).contentType("application/problem+json")
                .body("type", containsString("restaurant-unavailable"));
        r.down(false).publish();
        place(TestTokens.guest(r.id, UUID.randomUUID()), order(line(pizza, 1))).then().statusCode(201);
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyCreatesOneOrder() throws Exception {
        TestRestaurant r = TestRestaurant.create();
        UUID pizza = r.item("Margherita", "9.50");
        r.publish();
        String guest = TestTokens.guest(r.id, UUID.randomUUID());
        String key = "retry-" + UUID.randomUUID();

        String first = as(guest).header("Idempotency-Key", key).body(order(line(pizza, 1)).encode())
                .when().post("/api/v1/orders").then().statusCode(201).extract().path("id");
        as(guest).header("Idempotency-Key", key).body(order(line(pizza, 1)).encode())
                .when().post("/api/v1/orders").then().statusCode(201).body("id", equalTo(first));

        // retries racing each other still make one order
        String raceKey = "race-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(CompletableFuture.supplyAsync(() -> as(guest).header("Idempotency-Key", raceKey)
                        .body(order(line(pizza, 2)).encode()).when().post("/api/v1/orders"), pool));
            }
            List<String> ids = new ArrayList<>();
            for (CompletableFuture<Response> call : calls) {
                Response response = call.get();
                assertEquals(201, response.statusCode(), response.asString());
                ids.add(response.path("id"));
            }
            assertEquals(1, ids.stream().distinct().count());
        } finally {
            pool.shutdown();
        }
        assertEquals(2, Tables.count("select count(*) from orders.customer_order where restaurant_id = '" + r.id + "'"));
        // the key is the caller's: another diner using the same key gets an order of their own
        placed(TestTokens.guest(r.id, UUID.randomUUID()), order(line(pizza, 1)));
    }
}
