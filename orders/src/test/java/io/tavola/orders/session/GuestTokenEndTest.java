package io.tavola.orders.session;

import static io.tavola.orders.testenv.Api.as;
import static io.tavola.orders.testenv.Api.line;
import static io.tavola.orders.testenv.Api.order;
import static io.tavola.orders.testenv.Api.place;
import static io.tavola.orders.testenv.Api.placed;
import static io.tavola.orders.testenv.Api.status;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.tavola.common.security.Caller;
import io.tavola.common.security.Role;
import io.tavola.common.security.TokenRevocations;
import io.tavola.common.testkit.Tables;
import io.tavola.common.testkit.TestTokens;
import io.tavola.orders.testenv.TestRestaurant;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, fault 2: an old guest token still ordered, opened sessions and called the waiter after the
 * table's code was replaced, and ordered again after staff closed its session.
 */
@QuarkusTest
class GuestTokenEndTest {

    @Inject
    TokenRevocations revocations;

    @Test
    void aClosedSessionsGuestTokenNeitherOrdersNorOpensTheNextSession() {
        TestRestaurant r = TestRestaurant.create();
        UUID pizza = r.item("Margherita", "9.50");
        r.publish();
        UUID table = UUID.randomUUID();
        UUID guestId = UUID.randomUUID();
        String guest = TestTokens.token(Role.GUEST, guestId, r.id, table);
        String orderId = placed(guest, order(line(pizza, 1)));
        String sessionId = as(guest).when().get("/api/v1/orders/" + orderId).then().extract().path("session_id");
        status(TestTokens.waiter(r.id), orderId, "CANCELLED").then().statusCode(200);
        as(TestTokens.waiter(r.id)).body("{\"status\": \"cancelled\"}").when()
                .post("/api/v1/sessions/" + sessionId + "/close").then().statusCode(200);

        long orders = Tables.count("select count(*) from orders.customer_order where restaurant_id = '" + r.id + "'");
        // before: 201 and a new session opened with the old token
        place(guest, order(line(pizza, 1))).then().statusCode(401).contentType("application/problem+json");
        as(guest).body("{}").when().post("/api/v1/sessions").then().statusCode(401);
        assertEquals(orders, Tables.count("select count(*) from orders.customer_order where restaurant_id = '" + r.id + "'"));
        assertEquals(0, Tables.count("select count(*) from orders.table_session where table_id = '" + table
                + "' and status = 'open'"));

        // the next diners scan the code again: a new token, a new session
        String next = place(TestTokens.guest(r.id, table), order(line(pizza, 1))).then().statusCode(201)
                .extract().path("session_id");
        assertNotEquals(sessionId, next);
    }

    /** The deny-list entry is not the only guard: the closed session itself refuses its guests. */
    @Test
    void theClosedSessionRefusesItsGuestEvenWithoutTheDenyListEntry() throws Exception {
        TestRestaurant r = TestRestaurant.create();
        UUID pizza = r.item("Margherita", "9.50");
        r.publish();
        UUID table = UUID.randomUUID();
        UUID guestId = UUID.randomUUID();
        String orderId = placed(TestTokens.token(Role.GUEST, guestId, r.id, table), order(line(pizza, 1)));
        String sessionId = as(TestTokens.waiter(r.id)).when().get("/api/v1/orders/" + orderId).then()
                .extract().path("session_id");
        status(TestTokens.waiter(r.id), orderId, "CANCELLED").then().statusCode(200);
        as(TestTokens.waiter(r.id)).body("{\"status\": \"cancelled\"}").when()
                .post("/api/v1/sessions/" + sessionId + "/close").then().statusCode(200);

        // a token of the same diner issued after the deny-list's "not before" (as if Redis had lost it)
        Thread.sleep(1100);
        String later = TestTokens.builder(Role.GUEST, guestId, r.id, table).issuedAt(Instant.now())
                .sign(TestTokens.signingKey());
        place(later, order(line(pizza, 1))).then().statusCode(401)
                .body("detail", equalTo("The session of this guest token was closed; scan the table's code again"));
    }

    @Test
    void aReplacedCodesGuestTokenNoLongerOrdersOrCallsTheWaiter() {
        TestRestaurant r = TestRestaurant.create();
        UUID pizza = r.item("Margherita", "9.50");
        r.publish();
        UUID table = UUID.randomUUID();
        String old = TestTokens.builder(Role.GUEST, UUID.randomUUID(), r.id, table)
                .claim(Caller.TABLE_GENERATION_CLAIM, 1).sign(TestTokens.signingKey());
        String sessionId = place(old, order(line(pizza, 1))).then().statusCode(201).extract().path("session_id");

        // what the restaurant service does when the code is rotated or the table deactivated
        revocations.revokeTableBefore(table, 2).await().atMost(Duration.ofSeconds(3));

        place(old, order(line(pizza, 1))).then().statusCode(401);
        as(old).body("{\"kind\": \"waiter\"}").when().post("/api/v1/sessions/" + sessionId + "/service-requests")
                .then().statusCode(401);
        as(old).when().get("/api/v1/sessions/current").then().statusCode(401);
        String fresh = TestTokens.builder(Role.GUEST, UUID.randomUUID(), r.id, table)
                .claim(Caller.TABLE_GENERATION_CLAIM, 2).sign(TestTokens.signingKey());
        place(fresh, order(line(pizza, 1))).then().statusCode(201).body("session_id", equalTo(sessionId));
        as(fresh).body("{\"kind\": \"waiter\"}").when().post("/api/v1/sessions/" + sessionId + "/service-requests")
                .then().statusCode(201);
    }
}
