package io.tavola.gateway.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.tavola.common.event.EventEnvelope;
import io.tavola.common.event.EventType;
import io.tavola.common.security.TokenFacts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * One live connection, what it may see, and where it stands. Whenever a snapshot is on its way (at open,
 * and at every resync) events wait in {@code pending}, so the client reads the snapshot first and then
 * every later event; events the snapshot already holds (a sequence at or below the one it is current
 * to) are not sent at all.
 */
final class LiveSubscriber {

    private static final Logger LOG = Logger.getLogger(LiveSubscriber.class);

    enum Scope { KITCHEN, SESSION }

    private record Pending(String frame, String stream, Long sequence) {}

    private final WebSocketConnection connection;
    private final Scope scope;
    private final String sessionId;
    private final String authorization;
    private final boolean master;
    /** The token the connection opened with: a revocation of it closes the connection. */
    private volatile TokenFacts token;
    private volatile String restaurantId;
    /** {@link #restaurantId} in lower case, as an event's UUID prints: matched with equals, not ignoring case. */
    private volatile String restaurantKey;
    private volatile long lastPongMillis = System.currentTimeMillis();
    private volatile long lastResyncAskedMillis;
    /** Non-null while a snapshot is on its way. */
    private List<Pending> pending = new ArrayList<>();
    /** Per stream, the sequence the last snapshot was current to. */
    private Map<String, Long> covered = Map.of();
    /** A resync was asked for while one was already on its way: another one follows it. */
    private boolean again;

    private LiveSubscriber(WebSocketConnection connection, Scope scope, String restaurantId, String sessionId,
            String authorization, boolean master) {
        this.connection = connection;
        this.scope = scope;
        restaurantId(restaurantId);
        this.sessionId = sessionId;
        this.authorization = authorization;
        this.master = master;
    }

    static LiveSubscriber kitchen(WebSocketConnection connection, String restaurantId, String authorization,
            boolean master) {
        return new LiveSubscriber(connection, Scope.KITCHEN, restaurantId, null, authorization, master);
    }

    /** {@code restaurantId} is the token's until the snapshot names the session's own. */
    static LiveSubscriber session(WebSocketConnection connection, String sessionId, String restaurantId,
            String authorization, boolean master) {
        return new LiveSubscriber(connection, Scope.SESSION, restaurantId, sessionId, authorization, master);
    }

    LiveSubscriber token(TokenFacts facts) {
        this.token = facts;
        return this;
    }

    TokenFacts token() {
        return token;
    }

    String id() {
        return connection.id();
    }

    Scope scope() {
        return scope;
    }

    String sessionId() {
        return sessionId;
    }

    /** The Authorization header the connection opened with: snapshots are fetched with it. */
    String authorization() {
        return authorization;
    }

    boolean master() {
        return master;
    }

    String restaurantId() {
        return restaurantId;
    }

    void restaurantId(String restaurantId) {
        this.restaurantId = restaurantId;
        this.restaurantKey = restaurantId == null ? null : restaurantId.toLowerCase(Locale.ROOT);
    }

    boolean of(String restaurant) {
        String own = restaurantKey;
        return own != null && own.equalsIgnoreCase(restaurant);
    }

    /**
     * The kitchen sees everything of its restaurant, event types newer than this gateway included (its
     * sequence stays whole; the web app ignores what it does not know); a session sees its own orders and
     * session events and its restaurant's menu changes, and nothing this gateway cannot place.
     */
    boolean wants(Dispatched event) {
        String restaurant = restaurantKey;
        // equals: the case-blind comparison was 3% of the gateway's CPU with 600 screens open
        boolean sameRestaurant = restaurant != null && restaurant.equals(event.restaurantId());
        if (scope == Scope.KITCHEN) {
            return sameRestaurant;
        }
        EventType type = event.type();
        // a session id is unique across restaurants: before the snapshot names the restaurant (a master's
        // token carries none) the id alone decides
        if (type == null || (restaurant != null && !sameRestaurant)) {
            return false;
        }
        return switch (type) {
            case MENU_ITEM_AVAILABILITY_CHANGED, MENU_CHANGED -> sameRestaurant;
            case ORDER_CREATED, ORDER_STATUS_CHANGED, ORDER_CANCELLED, SESSION_SERVICE_REQUESTED ->
                    ours(event.data(), "session_id");
            case SESSION_OPENED, SESSION_UPDATED, SESSION_CLOSED -> ours(event.data(), "id");
            case FEEDBACK_LOW_RATING -> false;
        };
    }

    /**
     * What every connection's {@link #wants} reads of one event, worked out once per event rather than
     * once per connection (the type look-up was 3% of the gateway's CPU with 600 screens open).
     */
    record Dispatched(String restaurantId, EventType type, JsonNode data) {
        static Dispatched of(EventEnvelope envelope) {
            return new Dispatched(envelope.restaurantId().toString(), envelope.eventType().orElse(null),
                    envelope.data());
        }
    }

    private boolean ours(JsonNode data, String field) {
        return sessionId.equalsIgnoreCase(data.path(field).asText(""));
    }

    /** A frame that belongs to no stream (a notice): sent in turn. */
    void deliver(String frame) {
        deliver(frame, null, null);
    }

    synchronized void deliver(String frame, String stream, Long sequence) {
        if (pending != null) {
            pending.add(new Pending(frame, stream, sequence));
        } else if (!holds(stream, sequence)) {
            send(frame);
        }
    }

    /**
     * Holds events back for a fresh snapshot; false when one is already on its way (it is then followed
     * by another, since what it holds may predate the reason for this one).
     */
    synchronized boolean holdForResync() {
        if (pending != null) {
            again = true;
            return false;
        }
        pending = new ArrayList<>();
        return true;
    }

    /** A client's own request, at most once per {@code cooldownMillis}. */
    boolean mayAskForResync(long cooldownMillis) {
        long now = System.currentTimeMillis();
        if (now - lastResyncAskedMillis < cooldownMillis) {
            return false;
        }
        lastResyncAskedMillis = now;
        return true;
    }

    /**
     * Sends the snapshot, then whatever arrived meanwhile that it does not hold, then goes live; answers
     * whether another resync was asked for meanwhile.
     */
    synchronized boolean goLive(String snapshot, Map<String, Long> sequences, List<String> after) {
        covered = new HashMap<>(sequences);
        send(snapshot);
        after.forEach(this::send);
        if (pending != null) {
            for (Pending event : pending) {
                if (!holds(event.stream(), event.sequence())) {
                    send(event.frame());
                }
            }
        }
        pending = null;
        boolean more = again;
        again = false;
        return more;
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

    /** Whether the last snapshot already holds this event of a stream. */
    private boolean holds(String stream, Long sequence) {
        if (stream == null || sequence == null) {
            return false;
        }
        Long upTo = covered.get(stream);
        return upTo != null && sequence <= upTo;
    }

    private void send(String frame) {
        connection.sendText(frame).subscribe().with(done -> {
        }, failure -> LOG.debugf("push to %s failed: %s", connection.id(), failure.toString()));
    }
}
