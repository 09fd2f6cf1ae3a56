package io.tavola.gateway.live;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * One live connection and what it may see. Events that arrive before its snapshot went out wait in
 * {@code pending}, so the client always reads the snapshot first and then every later event.
 */
final class LiveSubscriber {

    private static final Logger LOG = Logger.getLogger(LiveSubscriber.class);

    enum Scope { KITCHEN, SESSION }

    private final WebSocketConnection connection;
    private final Scope scope;
    private final String sessionId;
    private volatile String restaurantId;
    private volatile long lastPongMillis = System.currentTimeMillis();
    private List<String> pending = new ArrayList<>();

    private LiveSubscriber(WebSocketConnection connection, Scope scope, String restaurantId, String sessionId) {
        this.connection = connection;
        this.scope = scope;
        this.restaurantId = restaurantId;
        this.sessionId = sessionId;
    }

    static LiveSubscriber kitchen(WebSocketConnection connection, String restaurantId) {
        return new LiveSubscriber(connection, Scope.KITCHEN, restaurantId, null);
    }

    /** {@code restaurantId} is the token's until the snapshot names the session's own. */
    static LiveSubscriber session(WebSocketConnection connection, String sessionId, String restaurantId) {
        return new LiveSubscriber(connection, Scope.SESSION, restaurantId, sessionId);
    }

    String id() {
        return connection.id();
    }

    void restaurantId(String restaurantId) {
        this.restaurantId = restaurantId;
    }

    /**
     * The kitchen sees everything of its restaurant; a session sees its own orders and session events
     * and its restaurant's menu changes.
     */
    boolean wants(String type, String eventRestaurant, JsonObject data) {
        String restaurant = restaurantId;
        boolean sameRestaurant = restaurant != null && restaurant.equalsIgnoreCase(eventRestaurant);
        if (scope == Scope.KITCHEN || type.startsWith("menu.")) {
            return sameRestaurant;
        }
        // a session id is unique across restaurants: before the snapshot names the restaurant (a master's
        // token carries none) the id alone decides
        if ((restaurant != null && !sameRestaurant) || data == null) {
            return false;
        }
        if (type.startsWith("order.")) {
            return sessionId.equalsIgnoreCase(data.getString("session_id", ""));
        }
        if (type.startsWith("session.")) {
            return sessionId.equalsIgnoreCase(data.getString("id", ""))
                    || sessionId.equalsIgnoreCase(data.getString("session_id", ""));
        }
        return false;
    }

    synchronized void deliver(String frame) {
        if (pending != null) {
            pending.add(frame);
        } else {
            send(frame);
        }
    }

    /** Sends the snapshot, then whatever arrived meanwhile, then goes live. */
    synchronized void goLive(String snapshot) {
        send(snapshot);
        pending.forEach(this::send);
        pending = null;
    }

    synchronized boolean live() {
        return pending == null;
    }

    void ponged() {
        lastPongMillis = System.currentTimeMillis();
    }

    long lastPongMillis() {
        return lastPongMillis;
    }

    void close(CloseReason reason) {
        connection.close(reason).subscribe().with(done -> {
        }, failure -> LOG.debugf("closing %s: %s", connection.id(), failure.toString()));
    }

    void ping(io.vertx.core.buffer.Buffer data) {
        connection.sendPing(data).subscribe().with(done -> {
        }, failure -> LOG.debugf("ping to %s failed: %s", connection.id(), failure.toString()));
    }

    private void send(String frame) {
        connection.sendText(frame).subscribe().with(done -> {
        }, failure -> LOG.debugf("push to %s failed: %s", connection.id(), failure.toString()));
    }
}
