package io.tavola.gateway.support;

import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketClientConnection;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * A WebSocket client like the web app's: it offers its token as a subprotocol (never in the URL) and
 * keeps every frame it receives, in order.
 */
public final class LiveClient implements AutoCloseable {

    private final List<JsonObject> frames = new CopyOnWriteArrayList<>();
    private final AtomicReference<CloseReason> closed = new AtomicReference<>();
    private WebSocketClientConnection connection;

    private LiveClient() {}

    /** Connects; throws when the gateway refuses the upgrade. */
    public static LiveClient connect(URI base, String path, String token) {
        LiveClient client = new LiveClient();
        BasicWebSocketConnector connector = BasicWebSocketConnector.create().baseUri(base).path(path)
                .onTextMessage((c, text) -> client.frames.add(new JsonObject(text)))
                .onClose((c, reason) -> client.closed.set(reason));
        if (token != null) {
            connector.addSubprotocol("bearer-token-carrier").addSubprotocol(encodeUriComponent(
                    "quarkus-http-upgrade#Authorization#Bearer " + token));
        }
        client.connection = connector.connectAndAwait();
        return client;
    }

    /** The HTTP status with which the gateway refuses the upgrade; fails if it accepts. */
    public static int refusal(URI base, String path, String token) {
        try (LiveClient accepted = connect(base, path, token)) {
            throw new AssertionError("the gateway accepted " + path);
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof io.vertx.core.http.UpgradeRejectedException rejected) {
                    return rejected.getStatus();
                }
            }
            throw e;
        }
    }

    /** What a browser's encodeURIComponent makes of the value. */
    static String encodeUriComponent(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Sends a frame to the gateway, as the web app asks for a resync. */
    public void send(JsonObject frame) {
        connection.sendTextAndAwait(frame.encode());
    }

    public JsonObject await(Predicate<JsonObject> match, Duration timeout) {
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(10))
                .until(() -> frames.stream().filter(match).findFirst().orElse(null), f -> f != null);
    }

    public CloseReason awaitClose(Duration timeout) {
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(10)).until(closed::get, r -> r != null);
    }

    public boolean isOpen() {
        return closed.get() == null && connection.isOpen();
    }

    public List<JsonObject> frames() {
        return new ArrayList<>(frames);
    }

    /** Events only (no snapshot or heartbeat frames). */
    public List<JsonObject> events() {
        return frames.stream().filter(f -> "event".equals(f.getString("kind"))).map(f -> f.getJsonObject("event"))
                .toList();
    }

    @Override
    public void close() {
        if (connection != null && connection.isOpen()) {
            connection.closeAndAwait();
        }
    }
}
