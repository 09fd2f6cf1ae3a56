package io.tavola.gateway.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.tavola.common.testkit.TestTokens;
import io.tavola.gateway.support.Events;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar fans out a published order to a kitchen screen of its restaurant only: RabbitMQ
 * binding, upgrade check, snapshot and push in the real artifact (a plain Vert.x client: no CDI here).
 */
@QuarkusIntegrationTest
class LiveIT {

    // the test profile's exchange (application.properties); the jar runs with that profile
    private static final String ORDERS_EXCHANGE = "tavola-test.gateway.orders";

    @TestHTTPResource("/")
    URI base;

    @Test
    void aKitchenScreenGetsItsRestaurantsOrdersOnly() throws Exception {
        UUID restaurant = UUID.randomUUID();
        Vertx vertx = Vertx.vertx();
        try {
            List<JsonObject> frames = new CopyOnWriteArrayList<>();
            WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(base.getHost())
                    .setPort(base.getPort()).setURI("/ws/kitchen/" + restaurant)
                    .setSubProtocols(List.of("bearer-token-carrier", URLEncoder.encode(
                            "quarkus-http-upgrade#Authorization#Bearer " + TestTokens.chef(restaurant),
                            StandardCharsets.UTF_8).replace("+", "%20")));
            WebSocket socket = vertx.createWebSocketClient().connect(options).toCompletionStage()
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
            socket.textMessageHandler(text -> frames.add(new JsonObject(text)));
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> frames.stream().anyMatch(f -> "snapshot".equals(f.getString("kind"))));

            String other = UUID.randomUUID().toString();
            JsonObject foreign = Events.publish(ORDERS_EXCHANGE, "order.created", other, Events.order(other, null));
            JsonObject mine = Events.publish(ORDERS_EXCHANGE, "order.created", restaurant.toString(),
                    Events.order(restaurant.toString(), null));
            Awaitility.await().atMost(Duration.ofSeconds(2)).until(() -> frames.stream().anyMatch(f -> "event"
                    .equals(f.getString("kind")) && mine.getString("event_id").equals(eventId(f))));
            assertTrue(frames.stream().noneMatch(f -> foreign.getString("event_id").equals(eventId(f))));
            assertEquals("snapshot", frames.get(0).getString("kind"));
            socket.close();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static String eventId(JsonObject frame) {
        JsonObject event = frame.getJsonObject("event");
        return event == null ? null : event.getString("event_id");
    }
}
