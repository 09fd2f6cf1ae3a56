package io.tavola.gateway.live;

import static io.tavola.common.testkit.Management.management;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
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

/**
 * No open screen misses an event without knowing (issue 12, "the worst fault"): what happened while the
 * gateway could not hear the broker reaches sockets that stayed open, a gap in a restaurant's sequence
 * resyncs that restaurant's sockets, and a snapshot says which sequence it is current to.
 */
@QuarkusTest
class LiveResyncTest {

    private static final Duration CONNECT = Duration.ofSeconds(10);

    @TestHTTPResource("/")
    URI base;

    private final String restaurantA = UUID.randomUUID().toString();
    private final String restaurantB = UUID.randomUUID().toString();

    @Test
    void anOpenKitchenScreenGetsTheOrdersPlacedWhileTheGatewayLostTheBroker() throws Exception {
        JsonObject first = Events.order(restaurantA, null);
        TestDoubles.ACTIVE_ORDERS.put(restaurantA, new JsonArray().add(first));
        TestDoubles.SEQUENCES.put(restaurantA, 1L);
        try (LiveClient kitchen = kitchen(restaurantA)) {
            kitchen.await(LiveResyncTest::isSnapshot, CONNECT);
            JsonObject second = Events.order(restaurantA, null);
            Events.publishSequenced(Events.ordersExchange(), "order.created", restaurantA, "orders", 2, second);
            kitchen.await(f -> holds(f, second), Duration.ofSeconds(2));

            List<JsonObject> missed = List.of(Events.order(restaurantA, null), Events.order(restaurantA, null));
            TestDoubles.broker.cut();
            try {
                // the screen is told that its live feed is interrupted rather than going quietly stale
                kitchen.await(f -> "feed".equals(f.getString("kind")) && "down".equals(f.getString("state")), CONNECT);
                management().when().get("/q/health/ready").then().statusCode(200).body(
                        "checks.find { it.name == 'gateway-live-feed' }.data.broker", startsWith("disconnected"));
                // the orders service keeps taking orders and its relay keeps publishing: the gateway hears none
                TestDoubles.ACTIVE_ORDERS.put(restaurantA, new JsonArray().add(first).add(second)
                        .add(missed.get(0)).add(missed.get(1)));
                TestDoubles.SEQUENCES.put(restaurantA, 4L);
                Events.publishSequenced(Events.ordersExchange(), "order.created", restaurantA, "orders", 3, missed.get(0));
                Events.publishSequenced(Events.ordersExchange(), "order.created", restaurantA, "orders", 4, missed.get(1));
                Thread.sleep(500);
            } finally {
                TestDoubles.broker.restore();
            }
            long back = System.nanoTime();
            for (JsonObject order : missed) {
                kitchen.await(f -> holds(f, order), Duration.ofSeconds(5));
            }
            assertTrue(Duration.ofNanos(System.nanoTime() - back).toMillis() < 5000);
            assertTrue(kitchen.isOpen(), "the screen stayed open");
            management().when().get("/q/health/ready").then().statusCode(200).body(
                    "checks.find { it.name == 'gateway-live-feed' }.data.broker", equalTo("connected"));

            // and it goes on live: a later order arrives as an event, once
            JsonObject later = Events.order(restaurantA, null);
            Events.publishSequenced(Events.ordersExchange(), "order.created", restaurantA, "orders", 5, later);
            kitchen.await(f -> isEvent(f, later), Duration.ofSeconds(5));
            Thread.sleep(300);
            for (JsonObject order : missed) {
                assertEquals(1, deliveries(kitchen, order), "exactly once, by event or by resync");
            }
        }
    }

    @Test
    void aGapInARestaurantsSequenceResyncsThatRestaurantsSockets() throws Exception {
        String sessionId = TestDoubles.session(restaurantA, UUID.randomUUID().toString());
        UUID tableId = UUID.fromString(TestDoubles.SESSIONS.get(sessionId).getString("table_id"));
        TestDoubles.ACTIVE_ORDERS.put(restaurantA, new JsonArray());
        TestDoubles.SEQUENCES.put(restaurantA, 10L);
        try (LiveClient kitchen = kitchen(restaurantA); LiveClient other = kitchen(restaurantB);
                LiveClient phone = LiveClient.connect(base, "/ws/sessions/" + sessionId,
                        TestTokens.guest(UUID.fromString(restaurantA), tableId))) {
            kitchen.await(LiveResyncTest::isSnapshot, CONNECT);
            other.await(LiveResyncTest::isSnapshot, CONNECT);
            phone.await(LiveResyncTest::isSnapshot, CONNECT);
            JsonObject eleventh = Events.order(restaurantA, sessionId);
            Events.publishSequenced(Events.ordersExchange(), "order.created", restaurantA, "orders", 11, eleventh);
            kitchen.await(f -> isEvent(f, eleventh), Duration.ofSeconds(2));

            // number 12 never reaches the gateway; 13 does, and gives the loss away
            JsonObject lost = Events.order(restaurantA, sessionId);
            JsonObject thirteenth = Events.order(restaurantA, null);
            TestDoubles.ACTIVE_ORDERS.put(restaurantA, new JsonArray().add(eleventh).add(lost).add(thirteenth));
            TestDoubles.SESSIONS.get(sessionId).put("orders", new JsonArray().add(eleventh).add(lost));
            TestDoubles.SEQUENCES.put(restaurantA, 13L);
            Events.publishSequenced(Events.ordersExchange(), "order.created", restaurantA, "orders", 13, thirteenth);

            JsonObject resync = kitchen.await(f -> isSnapshot(f) && holds(f, lost), Duration.ofSeconds(3));
            assertEquals(13, resync.getJsonObject("sequences").getLong("orders"));
            phone.await(f -> isSnapshot(f) && holds(f, lost), Duration.ofSeconds(3));
            Thread.sleep(300);
            assertEquals(1, other.frames().stream().filter(LiveResyncTest::isSnapshot).count(),
                    "another restaurant's screens are left alone");
            assertEquals(1, deliveries(kitchen, thirteenth), "the event that showed the gap is not pushed twice");
        }
    }

    @Test
    void aSnapshotSaysWhatItIsCurrentToAndWhatItHoldsIsNotPushedAgain() {
        JsonObject contained = Events.order(restaurantA, null);
        TestDoubles.ACTIVE_ORDERS.put(restaurantA, new JsonArray().add(contained));
        TestDoubles.SEQUENCES.put(restaurantA, 7L);
        try (LiveClient kitchen = kitchen(restaurantA)) {
            JsonObject snapshot = kitchen.await(LiveResyncTest::isSnapshot, CONNECT);
            assertEquals(7, snapshot.getJsonObject("sequences").getLong("orders"));
            // still on its way when the snapshot was read: already in it
            JsonObject late = Events.publishSequenced(Events.ordersExchange(), "order.created", restaurantA, "orders", 7,
                    contained);
            JsonObject next = Events.order(restaurantA, null);
            JsonObject eighth = Events.publishSequenced(Events.ordersExchange(), "order.created", restaurantA, "orders", 8,
                    next);
            JsonObject pushed = kitchen.await(f -> isEvent(f, eighth), Duration.ofSeconds(2));
            assertEquals(8, pushed.getJsonObject("event").getLong("sequence"));
            assertEquals("orders", pushed.getJsonObject("event").getString("stream"));
            assertTrue(kitchen.events().stream().noneMatch(e -> e.getString("event_id").equals(late.getString("event_id"))));
        }
    }

    @Test
    void aClientThatAsksForAResyncGetsAFreshSnapshot() {
        TestDoubles.ACTIVE_ORDERS.put(restaurantA, new JsonArray());
        TestDoubles.SEQUENCES.put(restaurantA, 3L);
        try (LiveClient kitchen = kitchen(restaurantA)) {
            kitchen.await(LiveResyncTest::isSnapshot, CONNECT);
            JsonObject meanwhile = Events.order(restaurantA, null);
            TestDoubles.ACTIVE_ORDERS.put(restaurantA, new JsonArray().add(meanwhile));
            TestDoubles.SEQUENCES.put(restaurantA, 4L);
            kitchen.send(new JsonObject().put("kind", "resync"));
            JsonObject fresh = kitchen.await(f -> isSnapshot(f) && holds(f, meanwhile), Duration.ofSeconds(3));
            assertEquals(4, fresh.getJsonObject("sequences").getLong("orders"));
        }
    }

    private LiveClient kitchen(String restaurantId) {
        return LiveClient.connect(base, "/ws/kitchen/" + restaurantId, TestTokens.chef(UUID.fromString(restaurantId)));
    }

    private static boolean isSnapshot(JsonObject frame) {
        return "snapshot".equals(frame.getString("kind"));
    }

    private static boolean isEvent(JsonObject frame, JsonObject envelopeOrOrder) {
        return "event".equals(frame.getString("kind")) && (envelopeOrOrder.getString("id") != null
                ? envelopeOrOrder.getString("id").equals(frame.getJsonObject("event").getJsonObject("data").getString("id"))
                : envelopeOrOrder.getString("event_id").equals(frame.getJsonObject("event").getString("event_id")));
    }

    /** Whether a frame brings this order: as an event, or inside a kitchen or session snapshot. */
    private static boolean holds(JsonObject frame, JsonObject order) {
        if (isSnapshot(frame)) {
            JsonArray orders = frame.getJsonArray("orders") != null ? frame.getJsonArray("orders")
                    : frame.getJsonObject("session").getJsonArray("orders");
            return orders.stream().anyMatch(o -> order.getString("id").equals(((JsonObject) o).getString("id")));
        }
        return isEvent(frame, order);
    }

    /**
     * How often an order reached the screen as the web app counts it: once by the latest snapshot holding it,
     * plus each later event for it.
     */
    private static long deliveries(LiveClient client, JsonObject order) {
        List<JsonObject> frames = client.frames();
        int lastSnapshot = -1;
        for (int i = 0; i < frames.size(); i++) {
            if (isSnapshot(frames.get(i)) && holds(frames.get(i), order)) {
                lastSnapshot = i;
            }
        }
        long count = lastSnapshot >= 0 ? 1 : 0;
        for (int i = lastSnapshot + 1; i < frames.size(); i++) {
            if (isEvent(frames.get(i), order)) {
                count++;
            }
        }
        return count;
    }
}
