package io.tavola.orders.session;

import static io.tavola.orders.testenv.Api.as;
import static io.tavola.orders.testenv.Api.line;
import static io.tavola.orders.testenv.Api.order;
import static io.tavola.orders.testenv.Api.place;
import static io.tavola.orders.testenv.Api.placed;
import static io.tavola.orders.testenv.Api.status;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.tavola.common.security.Role;
import io.tavola.common.testkit.Tables;
import io.tavola.common.testkit.TestTokens;
import io.tavola.orders.testenv.TestRestaurant;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, fault 3: a finished party's tab stayed open, so the next phone at the table saw (and could
 * rate) the previous diners' orders. An idle tab with nothing left for the kitchen now closes by itself.
 */
@QuarkusTest
class IdleTabsTest {

    @Inject
    IdleTabs idleTabs;

    @Test
    void aServedTabIdleForTheConfiguredTimeClosesAndTheNextPartyStartsAnEmptyTab() throws Exception {
        TestRestaurant r = TestRestaurant.create();
        UUID pizza = r.item("Margherita", "9.50");
        r.publish();
        UUID table = UUID.randomUUID();
        String previous = TestTokens.token(Role.GUEST, UUID.randomUUID(), r.id, table);
        String orderId = placed(previous, order(line(pizza, 2)));
        String sessionId = as(previous).when().get("/api/v1/orders/" + orderId).then().extract().path("session_id");
        String chef = TestTokens.chef(r.id);
        for (String step : new String[] { "PREPARING", "READY" }) {
            status(chef, orderId, step).then().statusCode(200);
        }
        status(TestTokens.waiter(r.id), orderId, "SERVED").then().statusCode(200);

        idleSince(sessionId, Duration.ofMinutes(45));
        assertEquals(1, sweep(Duration.ofMinutes(30)));

        as(TestTokens.waiter(r.id)).when().get("/api/v1/sessions/" + sessionId).then().statusCode(200)
                .body("status", equalTo("completed"))
                .body("orders[0].status", equalTo("COMPLETED"))
                .body("orders[0].status_history[-1].by_role", equalTo("system"));
        assertEquals(1, Tables.count("select count(*) from orders.outbox_event where type = 'session.closed' "
                + "and payload -> 'data' ->> 'id' = '" + sessionId + "'"));
        // the previous party's token ends with its tab; the next phone's scan opens a new, empty one
        place(previous, order(line(pizza, 1))).then().statusCode(401);
        String next = TestTokens.guest(r.id, table);
        as(next).when().get("/api/v1/sessions/current").then().statusCode(404);
        String nextSession = place(next, order(line(pizza, 1))).then().statusCode(201).extract().path("session_id");
        assertNotEquals(sessionId, nextSession);
        as(next).when().get("/api/v1/sessions/current").then().statusCode(200)
                .body("orders.size()", equalTo(1)).body("total_amount", equalTo(9.50f));

        // a second sweep finds nothing more to close
        assertEquals(0, sweep(Duration.ofMinutes(30)));
        assertEquals(1, Tables.count("select count(*) from orders.outbox_event where type = 'session.closed' "
                + "and payload -> 'data' ->> 'id' = '" + sessionId + "'"));
    }

    @Test
    void aTabStaysOpenWhileTheKitchenStillOwesItSomethingOrItWasActiveRecently() throws Exception {
        TestRestaurant r = TestRestaurant.create();
        UUID pizza = r.item("Margherita", "9.50");
        r.publish();
        String cooking = session(placed(TestTokens.guest(r.id, UUID.randomUUID()), order(line(pizza, 1))), r);
        idleSince(cooking, Duration.ofHours(2));
        String recent = session(placed(TestTokens.guest(r.id, UUID.randomUUID()), order(line(pizza, 1))), r);
        String recentOrder = as(TestTokens.waiter(r.id)).when().get("/api/v1/sessions/" + recent).then()
                .extract().path("orders[0].id");
        status(TestTokens.waiter(r.id), recentOrder, "CANCELLED").then().statusCode(200);

        sweep(Duration.ofMinutes(30));

        for (String open : new String[] { cooking, recent }) {
            as(TestTokens.waiter(r.id)).when().get("/api/v1/sessions/" + open).then().statusCode(200)
                    .body("status", equalTo("open"));
        }
    }

    @Test
    void aTabWhereNothingWasServedClosesAsCancelled() throws Exception {
        TestRestaurant r = TestRestaurant.create();
        UUID table = UUID.randomUUID();
        String guest = TestTokens.guest(r.id, table);
        String sessionId = as(guest).body("{}").when().post("/api/v1/sessions").then().statusCode(201)
                .extract().path("id");
        idleSince(sessionId, Duration.ofHours(1));

        sweep(Duration.ofMinutes(30));

        as(TestTokens.waiter(r.id)).when().get("/api/v1/sessions/" + sessionId).then().statusCode(200)
                .body("status", equalTo("cancelled")).body("orders", empty());
    }

    private String session(String orderId, TestRestaurant r) {
        return as(TestTokens.waiter(r.id)).when().get("/api/v1/orders/" + orderId).then().extract().path("session_id");
    }

    /** Moves a tab's whole history back in time, as if the party had left that long ago. */
    private static void idleSince(String sessionId, Duration ago) {
        String at = "now() - interval '" + ago.toSeconds() + " seconds'";
        Tables.count("with s as (update orders.table_session set opened_at = " + at + " - interval '1 hour' where id = '"
                + sessionId + "' returning 1), o as (update orders.customer_order set updated_at = " + at
                + " where session_id = '" + sessionId + "' returning 1) select count(*) from s");
    }

    private int sweep(Duration idle) throws Exception {
        return idleTabs.sweepNow(Instant.now().minus(idle)).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
