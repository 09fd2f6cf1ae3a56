package io.tavola.gateway.live;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.CloseReason;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The live connections of this replica. Each event goes to exactly the connections allowed to see it,
 * once (events are matched on {@code event_id}: a redelivered event is not pushed twice). A heartbeat
 * pings every connection and drops those that stopped answering.
 */
@ApplicationScoped
public class LiveHub {

    private static final int REMEMBERED_EVENTS = 10_000;
    private static final Buffer PING = Buffer.buffer("tavola");

    private final Map<String, LiveSubscriber> subscribers = new ConcurrentHashMap<>();
    private final Map<String, Boolean> seen = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_EVENTS;
        }
    };
    private final Vertx vertx;
    private final long heartbeatMillis;
    private long timer = -1;

    LiveHub(Vertx vertx, @ConfigProperty(name = "tavola.live.heartbeat-interval") Duration heartbeat) {
        this.vertx = vertx;
        this.heartbeatMillis = heartbeat.toMillis();
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(heartbeatMillis, id -> heartbeat());
    }

    @PreDestroy
    void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    void join(LiveSubscriber subscriber) {
        subscribers.put(subscriber.id(), subscriber);
    }

    void leave(String connectionId) {
        subscribers.remove(connectionId);
    }

    void ponged(String connectionId) {
        LiveSubscriber subscriber = subscribers.get(connectionId);
        if (subscriber != null) {
            subscriber.ponged();
        }
    }

    /** Pushes one event envelope (DESIGN.md, Events) to the connections allowed to see it. */
    void dispatch(JsonObject envelope) {
        String eventId = envelope.getString("event_id");
        String type = envelope.getString("type");
        String restaurant = envelope.getString("restaurant_id");
        if (type == null || restaurant == null || eventId == null || !firstSighting(eventId)) {
            return;
        }
        Object rawData = envelope.getValue("data");
        JsonObject data = rawData instanceof JsonObject object ? object : null;
        String frame = null;
        for (LiveSubscriber subscriber : subscribers.values()) {
            if (subscriber.wants(type, restaurant, data)) {
                if (frame == null) {
                    frame = new JsonObject().put("kind", "event").put("event", envelope).encode();
                }
                subscriber.deliver(frame);
            }
        }
    }

    int size() {
        return subscribers.size();
    }

    private synchronized boolean firstSighting(String eventId) {
        return seen.put(eventId, Boolean.TRUE) == null;
    }

    private void heartbeat() {
        long deadline = System.currentTimeMillis() - 3 * heartbeatMillis;
        String beat = new JsonObject().put("kind", "heartbeat").put("at", Instant.now().toString()).encode();
        for (LiveSubscriber subscriber : subscribers.values()) {
            if (subscriber.lastPongMillis() < deadline) {
                // three missed pongs: the peer is gone even if TCP has not noticed yet
                subscribers.remove(subscriber.id());
                subscriber.close(new CloseReason(1001, "heartbeat missed"));
            } else {
                subscriber.ping(PING);
                if (subscriber.live()) {
                    subscriber.deliver(beat);
                }
            }
        }
    }
}
