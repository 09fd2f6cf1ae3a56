package io.tavola.orders.session;

import static io.tavola.orders.testenv.Api.as;
import static io.tavola.orders.testenv.Api.line;
import static io.tavola.orders.testenv.Api.order;
import static io.tavola.orders.testenv.Api.place;
import static io.tavola.orders.testenv.Api.placed;
import static io.tavola.orders.testenv.Api.status;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tavola.common.testkit.Tables;
import io.tavola.common.testkit.TestTokens;
import io.tavola.orders.testenv.TestRestaurant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The session's total is kept on its row (changed by each placement and cancellation) instead of being
 * re-summed on every read: it must still equal the sum of the session's orders that were not cancelled,
 * however the placements and cancellations interleave.
 */
@QuarkusTest
class SessionTotalTest {

    @Test
    void theRunningTotalIsTheSumOfTheOrdersNotCancelledAfterConcurrentPlacementsAndCancellations() throws Exception {
        TestRestaurant r = TestRestaurant.create();
        UUID pizza = r.item("Margherita", "9.50");
        UUID wine = r.item("Barolo", "42.00");
        r.publish();
        UUID table = UUID.randomUUID();
        String waiter = TestTokens.waiter(r.id);
        List<String> early = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            early.add(placed(TestTokens.guest(r.id, table), order(line(pizza, 1 + i % 3))));
        }

        // 12 more orders while a waiter cancels the first six, all at once
        List<Supplier<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String guest = TestTokens.guest(r.id, table);
            JsonLines lines = i % 2 == 0 ? new JsonLines(pizza, 2) : new JsonLines(wine, 1);
            calls.add(() -> place(guest, order(line(lines.item(), lines.quantity()))));
        }
        for (String id : early) {
            calls.add(() -> status(waiter, id, "CANCELLED"));
        }
        for (Response response : concurrently(calls)) {
            assertEquals(true, response.statusCode() == 200 || response.statusCode() == 201, response.asString());
        }

        String session = as(TestTokens.guest(r.id, table)).when().get("/api/v1/sessions/current").then()
                .statusCode(200).extract().path("id");
        long expected = 6 * 1900 + 6 * 4200;
        assertEquals(expected, cents("select total_amount from orders.table_session where id = '" + session + "'"));
        assertEquals(expected, cents("select sum(total_amount) from orders.customer_order where session_id = '"
                + session + "' and status <> 'CANCELLED'"));
        float answered = as(waiter).when().get("/api/v1/sessions/" + session).then().statusCode(200)
                .extract().path("total_amount");
        assertEquals(expected / 100.0, answered, 0.001);
        // the last session event carries the same total the API answers
        assertEquals(expected, cents("select (payload -> 'data' ->> 'total_amount')::numeric from orders.outbox_event "
                + "where restaurant_id = '" + r.id + "' and type like 'session.%' order by (payload ->> 'sequence')::bigint desc limit 1"));
    }

    @Test
    void aSessionClosedAsCancelledTotalsNothing() {
        TestRestaurant r = TestRestaurant.create();
        UUID pizza = r.item("Margherita", "9.50");
        r.publish();
        UUID table = UUID.randomUUID();
        String session = place(TestTokens.guest(r.id, table), order(line(pizza, 2))).then().statusCode(201)
                .extract().path("session_id");
        placed(TestTokens.guest(r.id, table), order(line(pizza, 1)));
        assertEquals(2850, cents("select total_amount from orders.table_session where id = '" + session + "'"));
        as(TestTokens.admin(r.id)).body("{\"status\": \"cancelled\"}").when()
                .post("/api/v1/sessions/" + session + "/close").then().statusCode(200);
        assertEquals(0, cents("select total_amount from orders.table_session where id = '" + session + "'"));
    }

    private record JsonLines(UUID item, int quantity) {}

    private static long cents(String amountSql) {
        return Tables.count("select (coalesce((" + amountSql + "), 0) * 100)::bigint");
    }

    private static List<Response> concurrently(List<Supplier<Response>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<CompletableFuture<Response>> running = new ArrayList<>();
            for (Supplier<Response> call : calls) {
                running.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return call.get();
                }, pool));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (CompletableFuture<Response> call : running) {
                answers.add(call.get());
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }
}
