package io.tavola.gateway.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.CloseReason;
import io.smallrye.mutiny.Uni;
import io.tavola.common.event.EventEnvelope;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The live connections of this replica. Each event goes to exactly the connections allowed to see it,
 * once (matched on {@code event_id}, and on its sequence when it has one). No connection misses an event
 * without being brought up to date: a sequence gap in a restaurant's stream resyncs that restaurant's
 * connections, a feed that comes back after losing the broker resyncs every connection, and a client may
 * ask for a resync. A resync is a fresh snapshot, fetched a few at a time. A heartbeat pings every
 * connection and drops those that stopped answering.
 *
 * <p>Metrics, tagged {@code kind} ({@code kitchen}, {@code session}): {@code tavola_websocket_connections}
 * and {@code tavola_websocket_events_fanned_out_total} (frames of live events sent).
 */
@ApplicationScoped
public class LiveHub {

    private static final Logger LOG = Logger.getLogger(LiveHub.class);
    private static final int REMEMBERED_EVENTS = 10_000;
    private static final Buffer PING = Buffer.buffer("tavola");
    private static final String FEED_DOWN = new JsonObject().put("kind", "feed").put("state", "down").encode();

    private final Map<String, LiveSubscriber> subscribers = new ConcurrentHashMap<>();
    private final Map<UUID, Boolean> seen = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
            return size() > REMEMBERED_EVENTS;
        }
    };
    private final StreamCursors cursors = new StreamCursors();
    private final Queue<LiveSubscriber> resyncs = new ArrayDeque<>();
    private final Vertx vertx;
    private final Snapshots snapshots;
    private final LiveConfig config;
    private final Set<String> streams;
    private int resyncsRunning;
    private volatile boolean feedUp;
    private long timer = -1;

    private final Map<LiveSubscriber.Scope, Counter> fannedOut = new EnumMap<>(LiveSubscriber.Scope.class);

    LiveHub(Vertx vertx, Snapshots snapshots, LiveConfig config, MeterRegistry registry) {
        this.vertx = vertx;
        this.snapshots = snapshots;
        this.config = config;
        this.streams = config.streams().keySet();
        for (LiveSubscriber.Scope scope : LiveSubscriber.Scope.values()) {
            String kind = scope.name().toLowerCase(Locale.ROOT);
            Gauge.builder("tavola.websocket.connections", subscribers,
                    all -> all.values().stream().filter(s -> s.scope() == scope).count())
                    .description("Open live connections of this replica").tag("kind", kind).register(registry);
            fannedOut.put(scope, Counter.builder("tavola.websocket.events.fanned.out")
                    .description("Live event frames sent to connections").tag("kind", kind).register(registry));
        }
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(config.heartbeatInterval().toMillis(), id -> heartbeat());
    }

    @PreDestroy
    void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Registers a new connection and sends its first snapshot; events wait behind it. */
    Uni<Void> open(LiveSubscriber subscriber) {
        // subscribe before fetching, so nothing that happens during the fetch is missed
        subscribers.put(subscriber.id(), subscriber);
        return sync(subscriber);
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

    /** The client saw a gap or lost track: a fresh snapshot, unless it asked moments ago. */
    void resyncAsked(String connectionId) {
        LiveSubscriber subscriber = subscribers.get(connectionId);
        if (subscriber != null && subscriber.mayAskForResync(config.resyncCooldown().toMillis())) {
            resync(subscriber);
        }
    }

    /**
     * The consumer (re)connected: whatever was published while it was away may never arrive, so every
     * connection gets a fresh snapshot.
     */
    void feedConnected() {
        feedUp = true;
        LOG.infof("live feed connected: resyncing %d connections", subscribers.size());
        subscribers.values().forEach(this::resync);
    }

    /** The consumer lost the broker: screens are told their feed is interrupted, not left quietly stale. */
    void feedLost() {
        feedUp = false;
        subscribers.values().forEach(subscriber -> subscriber.deliver(FEED_DOWN));
    }

    boolean feedUp() {
        return feedUp;
    }

    /**
     * Pushes one event envelope (DESIGN.md, Events) to the connections allowed to see it, as it came
     * ({@code wire}: the broker's body, which {@link io.tavola.common.event.EventEnvelopes} found to be one).
     */
    void dispatch(EventEnvelope envelope, String wire) {
        if (!firstSighting(envelope.eventId())) {
            return;
        }
        LiveSubscriber.Dispatched event = LiveSubscriber.Dispatched.of(envelope);
        String restaurant = event.restaurantId();
        String stream = envelope.stream();
        Long sequence = envelope.sequence();
        if (stream != null && sequence != null) {
            if (cursors.observe(stream, restaurant, sequence) == StreamCursors.Verdict.GAP) {
                LOG.infof("events of restaurant %s in stream %s were lost before %d: resyncing its connections",
                        restaurant, stream, sequence);
                subscribers.values().stream().filter(s -> s.of(restaurant)).forEach(this::resync);
            }
        }
        String frame = null;
        for (LiveSubscriber subscriber : subscribers.values()) {
            if (subscriber.wants(event)) {
                if (frame == null) {
                    frame = "{\"kind\":\"event\",\"event\":" + wire + "}";
                }
                subscriber.deliver(frame, stream, sequence);
                fannedOut.get(subscriber.scope()).increment();
            }
        }
    }

    int size() {
        return subscribers.size();
    }

    /** The open connections now (a copy: closing some while iterating is fine). */
    List<LiveSubscriber> connections() {
        return List.copyOf(subscribers.values());
    }

    /** Ends one connection at once (its token was revoked): it gets no further frame. */
    void end(LiveSubscriber subscriber, CloseReason reason) {
        if (subscribers.remove(subscriber.id()) != null) {
            subscriber.close(reason);
        }
    }

    private void resync(LiveSubscriber subscriber) {
        if (!subscriber.holdForResync()) {
            return;
        }
        synchronized (resyncs) {
            resyncs.add(subscriber);
        }
        startResyncs();
    }

    private void startResyncs() {
        while (true) {
            LiveSubscriber next;
            synchronized (resyncs) {
                if (resyncsRunning >= config.resyncConcurrency() || resyncs.isEmpty()) {
                    return;
                }
                next = resyncs.poll();
                if (!subscribers.containsKey(next.id())) {
                    continue; // closed while it waited
                }
                resyncsRunning++;
            }
            sync(next).onTermination().invoke(() -> {
                synchronized (resyncs) {
                    resyncsRunning--;
                }
                startResyncs();
            }).subscribe().with(done -> {
            }, failure -> LOG.debugf("resync of %s failed: %s", next.id(), failure.toString()));
        }
    }

    /** Fetches the subscriber's snapshot and sends it, then what waited behind it. */
    private Uni<Void> sync(LiveSubscriber subscriber) {
        return snapshots.fetch(subscriber).<Void>map(fetched -> {
            if (fetched.outcome() != Snapshots.Outcome.OK) {
                LiveClosing.refuse(this, subscriber, fetched.outcome());
                return null;
            }
            if (fetched.restaurantId() != null) {
                subscriber.restaurantId(fetched.restaurantId());
            }
            Map<String, Long> sequences = sequencesOf(fetched);
            JsonObject frame = fetched.frame().put("sequences", new JsonObject(new HashMap<>(sequences)));
            boolean again = subscriber.goLive(frame.encode(), sequences, feedUp ? List.of() : List.of(FEED_DOWN));
            if (again && subscribers.containsKey(subscriber.id())) {
                resync(subscriber);
            }
            return null;
        }).onFailure().invoke(failure -> {
            // never leave a screen holding its events behind a snapshot that will not come: it reconnects
            LOG.warnf("snapshot for %s failed: %s", subscriber.id(), failure.toString());
            LiveClosing.refuse(this, subscriber, Snapshots.Outcome.UNAVAILABLE);
        });
    }

    /**
     * What the snapshot is current to: the orders service's own word for its stream; for the others, the
     * last event this replica received (the client reloads their state with every snapshot).
     */
    private Map<String, Long> sequencesOf(Snapshots.Fetched fetched) {
        Map<String, Long> sequences = new HashMap<>();
        String restaurant = fetched.restaurantId();
        for (String stream : streams) {
            Long last = Snapshots.STREAM.equals(stream) ? fetched.sequence()
                    : restaurant == null ? null : cursors.last(stream, restaurant);
            if (last != null) {
                sequences.put(stream, last);
            }
        }
        return sequences;
    }

    private synchronized boolean firstSighting(UUID eventId) {
        return seen.put(eventId, Boolean.TRUE) == null;
    }

    private void heartbeat() {
        long deadline = System.currentTimeMillis() - 3 * config.heartbeatInterval().toMillis();
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
