package io.tavola.orders.session;

import static io.tavola.orders.testenv.Api.as;
import static io.tavola.orders.testenv.Api.line;
import static io.tavola.orders.testenv.Api.order;
import static io.tavola.orders.testenv.Api.place;
import static io.tavola.orders.testenv.Api.placed;
import static io.tavola.orders.testenv.Api.status;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TableSessionTest {

    @Test
    void aGuestsTableIsNamedAsTheRestaurantNamesItNotAsTheClientSays() {
        TestRestaurant r = TestRestaurant.create();
        UUID pizza = r.item("Margherita", "9.50");
        r.publish();
        String guest = TestTokens.builder(io.tavola.common.security.Role.GUEST, UUID.randomUUID(), r.id,
                UUID.randomUUID()).claim("table_label", "Terrazza 6").sign(TestTokens.signingKey());
        place(guest, order(line(pizza, 1)).put("table_label", "Free drinks table")).then().statusCode(201)
                .body("table_label", equalTo("Terrazza 6"));
    }

    @Test
    void guestsOrderingAtTheSameInstantShareOneSession() throws Exception {
        TestRestaurant r = TestRestaurant.create();
        UUID pizza = r.item("Margherita", "9.50");
        r.publish();
        UUID table = UUID.randomUUID();
        int diners = 6;
        ExecutorService pool = Executors.newFixedThreadPool(diners);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<CompletableFuture<Response>> calls = new ArrayList<>();
            for (int i = 0; i < diners; i++) {
                String guest = TestTokens.guest(r.id, table);
                calls.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return place(guest, order(line(pizza, 1)));
                }, pool));
            }
            start.countDown();
            List<String> sessions = new ArrayList<>();
            for (CompletableFuture<Response> call : calls) {
                Response response = call.get();
                assertEquals(201, response.statusCode(), response.asString());
                sessions.add(response.path("session_id"));
            }
            assertEquals(1, sessions.stream().distinct().count(), "one session for the table: " + sessions);
        } finally {
            pool.shutdown();
        }
        assertEquals(1, Tables.count("select count(*) from orders.table_session where table_id = '" + table + "'"));

        String guest = TestTokens.guest(r.id, table);
        as(guest).when().get("/api/v1/sessions/current").then().statusCode(200)
                .body("table_id", equalTo(table.toString()))
                .body("status", equalTo("open"))
                .body("orders", hasSize(diners))
                .body("diners", hasSize(diners))
                .body("total_amount", equalTo(57.00f))
                .body("currency", equalTo("EUR"));
    }

    @Test
    void guestsOfAnotherTableOrRestaurantCannotSeeOrJoinTheSession() {
        TestRestaurant r = TestRestaurant.create();
        UUID pizza = r.item("Margherita", "9.50");
        r.publish();
        UUID table = UUID.randomUUID();
        String sessionId = place(TestTokens.guest(r.id, table), order(line(pizza, 1))).then().statusCode(201)
                .extract().path("session_id");

        String otherTable = TestTokens.guest(r.id, UUID.randomUUID());
        String otherRestaurant = TestTokens.guest(UUID.randomUUID(), table);
        for (String stranger : List.of(otherTable, otherRestaurant, TestTokens.waiter(UUID.randomUUID()),
                TestTokens.customer(UUID.randomUUID()))) {
            as(stranger).when().get("/api/v1/sessions/" + sessionId).then().statusCode(404)
                    .contentType("application/problem+json");
            as(stranger).when().get("/api/v1/sessions/" + sessionId + "/bill").then().statusCode(404);
            as(stranger).body("{\"kind\": \"waiter\"}").when().post("/api/v1/sessions/" + sessionId + "/service-requests")
                    .then().statusCode(404);
            as(stranger).body("{\"status\": \"cancelled\"}").when().post("/api/v1/sessions/" + sessionId + "/close")
                    .then().statusCode(404);
        }
        // their own orders open their own sessions, never the first table's
        String elsewhere = place(otherTable, order(line(pizza, 1))).then().statusCode(201).extract().path("session_id");
        assertEquals(false, elsewhere.equals(sessionId));
        as(otherTable).when().get("/api/v1/sessions/current").then().statusCode(200)
                .body("id", not(equalTo(sessionId)));
        as(otherRestaurant).when().get("/api/v1/sessions/current").then().statusCode(404);
        as(otherTable).when().get("/api/v1/orders").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].session_id", equalTo(elsewhere));
        as(TestTokens.guest(r.id, table)).when().get("/api/v1/sessions/" + sessionId).then().statusCode(200)
                .body("orders", hasSize(1));
        as(TestTokens.waiter(r.id)).when().get("/api/v1/sessions/" + sessionId).then().statusCode(200);
        as(TestTokens.master()).when().get("/api/v1/sessions/" + sessionId).then().statusCode(200);
    }

    @Test
    void aWaiterJoinsTheTablesSessionAndStaffCloseIt() {
        TestRestaurant r = TestRestaurant.create();
        UUID pizza = r.item("Margherita", "9.50");
        UUID table = r.table();
        r.publish();
        String guest = TestTokens.guest(r.id, table);
        String waiter = TestTokens.waiter(r.id);

        String sessionId = as(guest).body("{}").when().post("/api/v1/sessions").then().statusCode(201)
                .body("status", equalTo("open")).extract().path("id");
        as(guest).body("{}").when().post("/api/v1/sessions").then().statusCode(200).body("id", equalTo(sessionId));
        String first = placed(guest, order(line(pizza, 2)));
        JsonObject byWaiter = order(line(pizza, 1)).put("table_id", table.toString()).put("table_label", "Terrace 12");
        place(waiter, byWaiter).then().statusCode(201).body("session_id", equalTo(sessionId))
                .body("table_label", equalTo("Terrace 12"));
        as(waiter).when().get("/api/v1/sessions?status=open").then().statusCode(200)
                .body("items.id", hasItems(sessionId));

        // still cooking: the tab cannot be settled, and nothing changes
        status(TestTokens.chef(r.id), first, "PREPARING").then().statusCode(200);
        as(waiter).body("{\"status\": \"completed\"}").when().post("/api/v1/sessions/" + sessionId + "/close")
                .then().statusCode(409);
        as(waiter).body("{\"status\": \"cancelled\"}").when().post("/api/v1/sessions/" + sessionId + "/close")
                .then().statusCode(409);
        as(guest).body("{\"status\": \"completed\"}").when().post("/api/v1/sessions/" + sessionId + "/close")
                .then().statusCode(403);
        as(TestTokens.chef(r.id)).body("{\"status\": \"completed\"}").when()
                .post("/api/v1/sessions/" + sessionId + "/close").then().statusCode(403);
        as(waiter).body("{\"status\": \"paid\"}").when().post("/api/v1/sessions/" + sessionId + "/close")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));

        String second = as(waiter).when().get("/api/v1/sessions/" + sessionId).then().extract().path("orders[1].id");
        for (String id : List.of(first, second)) {
            if (id.equals(second)) {
                status(waiter, id, "PREPARING").then().statusCode(200);
            }
            status(waiter, id, "READY").then().statusCode(200);
            status(waiter, id, "SERVED").then().statusCode(200);
        }
        as(waiter).body("{\"status\": \"completed\"}").when().post("/api/v1/sessions/" + sessionId + "/close")
                .then().statusCode(200)
                .body("status", equalTo("completed"))
                .body("closed_at", notNullValue())
                .body("orders.status", equalTo(List.of("COMPLETED", "COMPLETED")))
                .body("total_amount", equalTo(28.50f));
        as(waiter).body("{\"status\": \"completed\"}").when().post("/api/v1/sessions/" + sessionId + "/close")
                .then().statusCode(409);

        // the closed tab's guest tokens ended with it (issue 12, fault 2); the table's next guest starts a new tab
        as(guest).when().get("/api/v1/sessions/current").then().statusCode(401);
        String next = place(TestTokens.guest(r.id, table), order(line(pizza, 1))).then().statusCode(201)
                .extract().path("session_id");
        assertEquals(false, next.equals(sessionId));
    }

    @Test
    void cancellingATabCancelsItsOpenOrders() {
        TestRestaurant r = TestRestaurant.create().set("order_confirmation_required", true);
        UUID pizza = r.item("Margherita", "9.50");
        r.publish();
        UUID table = UUID.randomUUID();
        String guest = TestTokens.guest(r.id, table);
        String orderId = placed(guest, order(line(pizza, 1)));
        String sessionId = as(guest).when().get("/api/v1/orders/" + orderId).then().extract().path("session_id");
        as(TestTokens.admin(r.id)).body("{\"status\": \"cancelled\"}").when()
                .post("/api/v1/sessions/" + sessionId + "/close").then().statusCode(200)
                .body("status", equalTo("cancelled"))
                .body("orders[0].status", equalTo("CANCELLED"))
                .body("total_amount", equalTo(0.0f));
    }

    @Test
    void staffListsAreScopedToTheirRestaurant() {
        TestRestaurant r = TestRestaurant.create();
        UUID pizza = r.item("Margherita", "9.50");
        r.publish();
        place(TestTokens.guest(r.id, UUID.randomUUID()), order(line(pizza, 1))).then().statusCode(201);
        as(TestTokens.waiter(UUID.randomUUID())).when().get("/api/v1/sessions").then().statusCode(200)
                .body("items", hasSize(0)).body("total", equalTo(0));
        as(TestTokens.waiter(UUID.randomUUID())).when().get("/api/v1/sessions?restaurant_id=" + r.id)
                .then().statusCode(404);
        as(TestTokens.master()).when().get("/api/v1/sessions").then().statusCode(400);
        as(TestTokens.master()).when().get("/api/v1/sessions?restaurant_id=" + r.id).then().statusCode(200)
                .body("items", hasSize(1));
        as(TestTokens.guest(r.id, UUID.randomUUID())).when().get("/api/v1/sessions").then().statusCode(403);
    }

    @Test
    void onlyTheTablesGuestsAndTheRestaurantsWaitersOpenOrJoinItsSession() {
        TestRestaurant r = TestRestaurant.create();
        UUID pizza = r.item("Margherita", "9.50");
        UUID table = r.table();
        r.publish();
        String body = new JsonObject().put("restaurant_id", r.id.toString()).put("table_id", table.toString())
                .put("table_label", "Garden 4").encode();
        UUID other = UUID.randomUUID();
        // the waiter's own restaurant, another's table (or none at all): 404, no session
        TestRestaurant others = TestRestaurant.create();
        others.publish();
        String foreignTable = new JsonObject().put("table_id", table.toString()).encode();
        as(TestTokens.waiter(others.id)).body(foreignTable).when().post("/api/v1/sessions").then().statusCode(404)
                .contentType("application/problem+json");
        as(TestTokens.admin(r.id)).body(new JsonObject().put("table_id", UUID.randomUUID().toString()).encode())
                .when().post("/api/v1/sessions").then().statusCode(404);
        as(TestTokens.waiter(other)).body(body).when().post("/api/v1/sessions").then().statusCode(404)
                .contentType("application/problem+json");
        as(TestTokens.admin(other)).body(body).when().post("/api/v1/sessions").then().statusCode(404);
        as(TestTokens.chef(r.id)).body(body).when().post("/api/v1/sessions").then().statusCode(403);
        as(TestTokens.customer(UUID.randomUUID())).body(body).when().post("/api/v1/sessions").then().statusCode(403);
        as(TestTokens.master()).body("{\"table_id\": \"" + table + "\"}").when().post("/api/v1/sessions").then()
                .statusCode(400).body("errors[0].field", equalTo("restaurant_id"));
        assertEquals(0, Tables.count("select count(*) from orders.table_session where table_id = '" + table + "'"));

        Response opened = as(TestTokens.waiter(r.id)).body(body).when().post("/api/v1/sessions");
        opened.then().statusCode(201).body("table_label", equalTo("Garden 4"))
                .body("diners[0].role", equalTo("waiter"));
        String sessionId = opened.path("id");
        assertEquals(true, opened.header("Location").endsWith("/api/v1/sessions/" + sessionId));
        as(TestTokens.master()).body(body).when().post("/api/v1/sessions").then().statusCode(200)
                .body("id", equalTo(sessionId));
        place(TestTokens.guest(r.id, table), order(line(pizza, 1))).then().statusCode(201)
                .body("session_id", equalTo(sessionId)).body("table_label", equalTo("Garden 4"));
    }
}
