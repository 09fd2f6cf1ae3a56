package io.tavola.gateway.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.CloseReason;
import io.tavola.common.security.Role;
import io.tavola.common.testkit.TestTokens;
import io.tavola.gateway.support.Events;
import io.tavola.gateway.support.LiveClient;
import io.tavola.gateway.support.TestDoubles;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LiveTest {

    private static final Duration CONNECT = Duration.ofSeconds(10);

    @TestHTTPResource("/")
    URI base;

    private final String restaurantA = UUID.randomUUID().toString();
    private final String restaurantB = UUID.randomUUID().toString();

    @Test
    void kitchenOfAGetsAsOrderWithinOneSecondAndNeverBs() {
        try (LiveClient kitchen = LiveClient.connect(base, "/ws/kitchen/" + restaurantA,
                TestTokens.chef(UUID.fromString(restaurantA)))) {
            JsonObject snapshot = kitchen.await(f -> "snapshot".equals(f.getString("kind")), CONNECT);
            assertEquals("kitchen", snapshot.getString("scope"));
            assertEquals(restaurantA, snapshot.getString("restaurant_id"));

            JsonObject ofB = Events.publish(Events.ordersExchange(), "order.created", restaurantB,
                    Events.order(restaurantB, null));
            JsonObject ofA = Events.publish(Events.ordersExchange(), "order.created", restaurantA,
                    Events.order(restaurantA, null));
            JsonObject pushed = kitchen.await(f -> isEvent(f, ofA), Duration.ofSeconds(1));
            assertEquals(ofA.getJsonObject("data").getString("id"),
                    pushed.getJsonObject("event").getJsonObject("data").getString("id"));

            // B's event went out first on the same queue: had it been pushed, it would be here by now
            assertTrue(kitchen.events().stream().noneMatch(e -> e.getString("event_id").equals(ofB.getString("event_id"))));
            assertTrue(kitchen.events().stream().allMatch(e -> e.getString("restaurant_id").equals(restaurantA)));
        }
    }

    @Test
    void aLowRatingReachesItsRestaurantsKitchenButNoTable() {
        String sessionId = TestDoubles.session(restaurantA, UUID.randomUUID().toString());
        UUID tableId = UUID.fromString(TestDoubles.SESSIONS.get(sessionId).getString("table_id"));
        try (LiveClient kitchen = LiveClient.connect(base, "/ws/kitchen/" + restaurantA,
                TestTokens.admin(UUID.fromString(restaurantA)));
                LiveClient otherKitchen = LiveClient.connect(base, "/ws/kitchen/" + restaurantB,
                        TestTokens.admin(UUID.fromString(restaurantB)));
                LiveClient table = LiveClient.connect(base, "/ws/sessions/" + sessionId,
                        TestTokens.guest(UUID.fromString(restaurantA), tableId))) {
            kitchen.await(f -> "snapshot".equals(f.getString("kind")), CONNECT);
            otherKitchen.await(f -> "snapshot".equals(f.getString("kind")), CONNECT);
            table.await(f -> "snapshot".equals(f.getString("kind")), CONNECT);
            JsonObject lowRating = Events.publish(Events.feedbackExchange(), "feedback.low_rating", restaurantA,
                    new JsonObject().put("order_id", UUID.randomUUID().toString()).put("rating", 1));
            kitchen.await(f -> isEvent(f, lowRating), Duration.ofSeconds(2));
            // a later event to both proves the feedback had its chance to arrive there
            JsonObject menu = Events.publish(Events.menuExchange(), "menu.item_availability_changed", restaurantA,
                    new JsonObject().put("menu_item_id", UUID.randomUUID().toString()).put("is_available", false));
            table.await(f -> isEvent(f, menu), Duration.ofSeconds(2));
            assertTrue(table.events().stream().noneMatch(e -> e.getString("type").startsWith("feedback.")));
            assertTrue(otherKitchen.events().stream().noneMatch(e -> e.getString("type").startsWith("feedback.")));
        }
    }

    @Test
    void aMasterMayWatchAnyKitchen() {
        JsonObject waiting = Events.order(restaurantA, null);
        TestDoubles.ACTIVE_ORDERS.put(restaurantA, new JsonArray().add(waiting));
        try (LiveClient kitchen = LiveClient.connect(base, "/ws/kitchen/" + restaurantA, TestTokens.master())) {
            JsonObject snapshot = kitchen.await(f -> "snapshot".equals(f.getString("kind")), CONNECT);
            assertEquals(waiting.getString("id"), snapshot.getJsonArray("orders").getJsonObject(0).getString("id"));
        }
    }

    @Test
    void connectionsWithoutAValidTokenOrOfAnotherRestaurantAreRefused() {
        UUID a = UUID.fromString(restaurantA);
        String path = "/ws/kitchen/" + restaurantA;
        assertEquals(401, LiveClient.refusal(base, path, null));
        assertEquals(401, LiveClient.refusal(base, path, "not-a-token"));
        String expired = TestTokens.builder(Role.CHEF, UUID.randomUUID(), a, null)
                .issuedAt(java.time.Instant.now().minusSeconds(7200)).expiresAt(java.time.Instant.now().minusSeconds(3600))
                .sign(TestTokens.signingKey());
        assertEquals(401, LiveClient.refusal(base, path, expired));
        assertEquals(403, LiveClient.refusal(base, path, TestTokens.chef(UUID.fromString(restaurantB))));
        assertEquals(403, LiveClient.refusal(base, path, TestTokens.guest(a, UUID.randomUUID())));
        assertEquals(403, LiveClient.refusal(base, path, TestTokens.customer(UUID.randomUUID())));
        assertEquals(404, LiveClient.refusal(base, "/ws/kitchen/not-a-uuid", TestTokens.master()));
        assertEquals(401, LiveClient.refusal(base, "/ws/sessions/" + UUID.randomUUID(), null));
    }

    @Test
    void aSessionClientGetsOnlyItsSessionsEventsAndItsRestaurantsMenu() {
        UUID a = UUID.fromString(restaurantA);
        String mine = TestDoubles.session(restaurantA, UUID.randomUUID().toString());
        String neighbours = TestDoubles.session(restaurantA, UUID.randomUUID().toString());
        UUID myTable = UUID.fromString(TestDoubles.SESSIONS.get(mine).getString("table_id"));
        try (LiveClient phone = LiveClient.connect(base, "/ws/sessions/" + mine, TestTokens.guest(a, myTable));
                LiveClient kitchen = LiveClient.connect(base, "/ws/kitchen/" + restaurantA, TestTokens.waiter(a))) {
            JsonObject snapshot = phone.await(f -> "snapshot".equals(f.getString("kind")), CONNECT);
            assertEquals("session", snapshot.getString("scope"));
            assertEquals(mine, snapshot.getJsonObject("session").getString("id"));
            kitchen.await(f -> "snapshot".equals(f.getString("kind")), CONNECT);

            String orders = Events.ordersExchange();
            JsonObject otherOrder = Events.publish(orders, "order.created", restaurantA, Events.order(restaurantA, neighbours));
            JsonObject otherClosed = Events.publish(orders, "session.closed", restaurantA,
                    new JsonObject().put("id", neighbours).put("status", "CLOSED"));
            JsonObject otherMenu = Events.publish(Events.menuExchange(), "menu.item_availability_changed", restaurantB,
                    new JsonObject().put("menu_item_id", UUID.randomUUID().toString()).put("is_available", false));
            // a type newer than this gateway: the kitchen gets it (its sequence stays whole), a session does not
            JsonObject unknown = Events.publish(orders, "order.teleported", restaurantA, Events.order(restaurantA, mine));
            JsonObject myOrder = Events.publish(orders, "order.created", restaurantA, Events.order(restaurantA, mine));
            JsonObject myStatus = Events.publish(orders, "order.status_changed", restaurantA,
                    Events.order(restaurantA, mine).put("status", "CONFIRMED"));
            JsonObject waiterCalled = Events.publish(orders, "session.service_requested", restaurantA,
                    new JsonObject().put("session_id", mine).put("kind", "waiter"));
            JsonObject myUpdate = Events.publish(orders, "session.updated", restaurantA,
                    new JsonObject().put("id", mine).put("status", "OPEN"));
            JsonObject soldOut = Events.publish(Events.menuExchange(), "menu.item_availability_changed", restaurantA,
                    new JsonObject().put("menu_item_id", UUID.randomUUID().toString()).put("is_available", false));
            // a new dish or a new price: every open menu of the restaurant reads the menu again (fault 9)
            JsonObject newDish = Events.publish(Events.menuExchange(), "menu.changed", restaurantA,
                    new JsonObject().put("change", "item_added").put("menu_item_id", UUID.randomUUID().toString()));
            JsonObject otherNewDish = Events.publish(Events.menuExchange(), "menu.changed", restaurantB,
                    new JsonObject().put("change", "item_added").put("menu_item_id", UUID.randomUUID().toString()));

            for (JsonObject expected : List.of(myOrder, myStatus, waiterCalled, myUpdate, soldOut, newDish)) {
                phone.await(f -> isEvent(f, expected), Duration.ofSeconds(2));
            }
            // the kitchen of the restaurant sees both tables and the menu change
            for (JsonObject expected : List.of(otherOrder, otherClosed, unknown, myOrder, soldOut)) {
                kitchen.await(f -> isEvent(f, expected), Duration.ofSeconds(2));
            }
            List<String> seen = phone.events().stream().map(e -> e.getString("event_id")).toList();
            for (JsonObject foreign : List.of(otherOrder, otherClosed, otherMenu, otherNewDish, unknown)) {
                assertTrue(!seen.contains(foreign.getString("event_id")), "leaked " + foreign.getString("type"));
            }
        }
    }

    @Test
    void aMasterWatchingASessionGetsItsEvents() {
        String sessionId = TestDoubles.session(restaurantA, UUID.randomUUID().toString());
        try (LiveClient watcher = LiveClient.connect(base, "/ws/sessions/" + sessionId, TestTokens.master())) {
            watcher.await(f -> "snapshot".equals(f.getString("kind")), CONNECT);
            JsonObject placed = Events.publish(Events.ordersExchange(), "order.created", restaurantA,
                    Events.order(restaurantA, sessionId));
            watcher.await(f -> isEvent(f, placed), Duration.ofSeconds(2));
        }
    }

    @Test
    void aGuestOfAnotherTableIsClosedWithPolicyViolation() {
        String sessionId = TestDoubles.session(restaurantA, UUID.randomUUID().toString());
        String otherTable = TestTokens.guest(UUID.fromString(restaurantA), UUID.randomUUID());
        try (LiveClient phone = LiveClient.connect(base, "/ws/sessions/" + sessionId, otherTable)) {
            CloseReason reason = phone.awaitClose(CONNECT);
            assertEquals(1008, reason.getCode());
            assertTrue(phone.frames().stream().noneMatch(f -> "snapshot".equals(f.getString("kind"))));
        }
        String staffOfB = TestTokens.chef(UUID.fromString(restaurantB));
        try (LiveClient snoop = LiveClient.connect(base, "/ws/sessions/" + sessionId, staffOfB)) {
            assertEquals(1008, snoop.awaitClose(CONNECT).getCode());
        }
    }

    @Test
    void aReconnectingKitchenGetsTheOrderItMissedInItsSnapshot() {
        String chef = TestTokens.chef(UUID.fromString(restaurantA));
        try (LiveClient kitchen = LiveClient.connect(base, "/ws/kitchen/" + restaurantA, chef)) {
            JsonObject snapshot = kitchen.await(f -> "snapshot".equals(f.getString("kind")), CONNECT);
            assertEquals(0, snapshot.getJsonArray("orders").size());
        }
        // placed while the screen was away
        JsonObject missed = Events.order(restaurantA, null);
        TestDoubles.ACTIVE_ORDERS.put(restaurantA, new JsonArray().add(missed));
        Events.publish(Events.ordersExchange(), "order.created", restaurantA, missed);

        try (LiveClient kitchen = LiveClient.connect(base, "/ws/kitchen/" + restaurantA, chef)) {
            JsonObject snapshot = kitchen.await(f -> "snapshot".equals(f.getString("kind")), CONNECT);
            assertEquals(missed.getString("id"), snapshot.getJsonArray("orders").getJsonObject(0).getString("id"));
            assertEquals("snapshot", kitchen.frames().get(0).getString("kind"), "the snapshot comes first");
        }
    }

    @Test
    void aRedeliveredEventIsPushedOnce() {
        try (LiveClient kitchen = LiveClient.connect(base, "/ws/kitchen/" + restaurantA,
                TestTokens.admin(UUID.fromString(restaurantA)))) {
            kitchen.await(f -> "snapshot".equals(f.getString("kind")), CONNECT);
            JsonObject event = Events.envelope("order.status_changed", restaurantA, Events.order(restaurantA, null));
            Events.publishRaw(Events.ordersExchange(), event);
            Events.publishRaw(Events.ordersExchange(), event);
            JsonObject marker = Events.publish(Events.ordersExchange(), "order.cancelled", restaurantA,
                    Events.order(restaurantA, null));
            kitchen.await(f -> isEvent(f, marker), Duration.ofSeconds(2));
            assertEquals(1, kitchen.events().stream()
                    .filter(e -> e.getString("event_id").equals(event.getString("event_id"))).count());
        }
    }

    @Test
    void aMessageThatIsNotAnEnvelopeIsDroppedAndTheFeedGoesOn() {
        try (LiveClient kitchen = LiveClient.connect(base, "/ws/kitchen/" + restaurantA,
                TestTokens.admin(UUID.fromString(restaurantA)))) {
            kitchen.await(f -> "snapshot".equals(f.getString("kind")), CONNECT);
            String key = "order." + restaurantA + ".created";
            Events.publishBytes(Events.ordersExchange(), key, "{ not json".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Events.publishRaw(Events.ordersExchange(), Events.envelope("order.created", restaurantA,
                    Events.order(restaurantA, null)).put("event_id", "not-a-uuid"));
            JsonObject after = Events.publish(Events.ordersExchange(), "order.created", restaurantA,
                    Events.order(restaurantA, null));
            kitchen.await(f -> isEvent(f, after), Duration.ofSeconds(2));
            assertEquals(1, kitchen.events().size(), "only the envelope went out");
        }
    }

    private static boolean isEvent(JsonObject frame, JsonObject envelope) {
        return "event".equals(frame.getString("kind"))
                && envelope.getString("event_id").equals(frame.getJsonObject("event").getString("event_id"));
    }
}
