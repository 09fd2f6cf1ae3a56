package io.tavola.gateway.live;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tavola.common.event.EventEnvelopes;
import io.tavola.common.outbox.OutboxTracing;
import io.vertx.core.Context;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.rabbitmq.RabbitMQClient;
import io.vertx.mutiny.rabbitmq.RabbitMQMessage;
import io.vertx.rabbitmq.QueueOptions;
import io.vertx.rabbitmq.RabbitMQOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * This replica's consumer of the live streams ({@code orders}, {@code menu}, {@code feedback}), over its own
 * broker connection. Each stream has a queue of this replica's own, durable, so that what the outbox
 * relays publish while the connection is away waits for it (even across a broker restart), and with an
 * expiry, so a dead replica's queues go away. The connection is watched; a lost one is retried with
 * backoff, and each time the consumer (re)connects every screen gets a fresh snapshot
 * ({@link LiveHub#feedConnected}), since what was published while it was away may be gone (an expired
 * or deleted queue). Messages are read with common's {@link EventEnvelopes}; one that is not an envelope is
 * dropped (logged), never redelivered forever.
 */
@ApplicationScoped
public class LiveFeed {

    private static final Logger LOG = Logger.getLogger(LiveFeed.class);
    private static final long WATCH_MILLIS = 500;

    private final Vertx vertx;
    private final LiveHub hub;
    private final LiveConfig.Broker broker;
    private final Map<String, LiveConfig.Stream> streams;
    private final String replica;
    private Context context;
    private RabbitMQClient client;
    private volatile boolean connected;
    private volatile boolean stopped;
    private long backoffMillis;
    private long watchTimer = -1;
    private long retryTimer = -1;

    LiveFeed(Vertx vertx, LiveHub hub, LiveConfig config) {
        this.vertx = vertx;
        this.hub = hub;
        this.broker = config.broker();
        this.streams = config.streams();
        this.replica = config.replica();
    }

    void start(@Observes StartupEvent event) {
        registry.counter("tavola.events.consumed", "consumer", "gateway-live");
        registry.counter("tavola.events.dead.lettered", "consumer", "gateway-live");
        registry.gauge("tavola.broker.connected", List.of(Tag.of("connection", "gateway-live")),
                this, feed -> feed.connected() ? 1 : 0);
        context = vertx.getDelegate().getOrCreateContext();
        context.runOnContext(v -> {
            watchTimer = vertx.setPeriodic(WATCH_MILLIS, id -> watch());
            connect();
        });
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        if (watchTimer >= 0) {
            vertx.cancelTimer(watchTimer);
        }
        RabbitMQClient current = client;
        if (current == null || !connected) {
            return;
        }
        // a clean stop takes its queues along; a crash leaves them to their expiry
        try {
            Multi.createFrom().iterable(streams.keySet())
                    .onItem().transformToUniAndConcatenate(stream -> current.queueDelete(queue(stream)))
                    .collect().last()
                    .chain(current::stop)
                    .await().atMost(Duration.ofSeconds(2));
        } catch (RuntimeException e) {
            LOG.debugf("live feed stop: %s", e.toString());
        }
    }

    /** Whether the consumer holds a live broker connection (readiness shows it). */
    public boolean connected() {
        return connected;
    }

    /** This replica's queue of a stream. */
    String queue(String stream) {
        return "tavola.gateway.live." + replica + "." + stream;
    }

    private void connect() {
        if (stopped) {
            return;
        }
        RabbitMQClient fresh = RabbitMQClient.create(vertx, new RabbitMQOptions()
                .setHost(broker.host())
                .setPort(broker.port())
                .setUser(broker.username())
                .setPassword(broker.password())
                .setVirtualHost(broker.virtualHost())
                .setConnectionName("tavola-gateway-live")
                .setConnectionTimeout(3000)
                .setRequestedHeartbeat(10)
                .setAutomaticRecoveryEnabled(false)
                .setReconnectAttempts(0));
        client = fresh;
        JsonObject arguments = new JsonObject().put("x-expires", broker.queueExpiry().toMillis())
                .put("x-max-length", broker.queueMaxLength());
        fresh.start()
                .chain(() -> Multi.createFrom().iterable(streams.entrySet())
                        .onItem().transformToUniAndConcatenate(stream -> consume(fresh, stream.getKey(), stream.getValue(),
                                arguments))
                        .collect().last())
                .subscribe().with(done -> context.runOnContext(v -> {
                    if (client != fresh || stopped) {
                        return;
                    }
                    connected = true;
                    backoffMillis = 0;
                    LOG.infof("live feed connected to RabbitMQ %s:%d, virtual host %s", broker.host(), broker.port(),
                            broker.virtualHost());
                    hub.feedConnected();
                }), failure -> context.runOnContext(v -> {
                    // once per outage at WARN, then quietly: the broker may be away for a while
                    if (backoffMillis == 0 || LOG.isDebugEnabled()) {
                        LOG.logf(backoffMillis == 0 ? Logger.Level.WARN : Logger.Level.DEBUG,
                                "live feed cannot reach RabbitMQ (%s); retrying with backoff up to %d ms",
                                failure.toString(), broker.maxReconnectBackoff().toMillis());
                    }
                    retry(fresh);
                }));
    }

    private Uni<Void> consume(RabbitMQClient fresh, String stream, LiveConfig.Stream binding, JsonObject arguments) {
        String queue = queue(stream);
        return fresh.exchangeDeclare(binding.exchange(), "topic", true, false)
                .chain(() -> fresh.queueDeclare(queue, true, false, false, arguments))
                .chain(() -> Multi.createFrom().iterable(binding.routingKeys())
                        .onItem().transformToUniAndConcatenate(key -> fresh.queueBind(queue, binding.exchange(), key))
                        .collect().last())
                .chain(() -> fresh.basicConsumer(queue, new QueueOptions().setAutoAck(true)))
                .invoke(consumer -> consumer
                        .handler(this::handle)
                        .exceptionHandler(failure -> LOG.debugf("live feed consumer of %s: %s", stream, failure.toString()))
                        .endHandler(() -> context.runOnContext(v -> lost(fresh, "the broker ended the consumer of " + stream))))
                .replaceWithVoid();
    }

    /** {@code tavola_events_consumed_total} / {@code _dead_lettered_total} with consumer=gateway-live (dropped). */
    @Inject
    MeterRegistry registry;

    @Inject
    OutboxTracing tracing;

    /** In a CONSUMER span continuing the publisher's trace (its traceparent header), pushes included. */
    private void handle(RabbitMQMessage message) {
        Span span = tracing.receiving("live receive",
                message.properties() == null ? null : message.properties().getHeaders());
        try (Scope scope = span.makeCurrent()) {
            String body = message.body().toString(StandardCharsets.UTF_8);
            hub.dispatch(EventEnvelopes.read(body), body);
            registry.counter("tavola.events.consumed", "consumer", "gateway-live").increment();
        } catch (EventEnvelopes.Unreadable e) {
            LOG.warnf("Dropped a live event that is not an envelope: %s", e.getMessage());
            registry.counter("tavola.events.dead.lettered", "consumer", "gateway-live").increment();
        } catch (RuntimeException e) {
            // a bug in the fan-out must not end the consumer: the next event still goes out
            LOG.errorf(e, "Could not fan out a live event");
            registry.counter("tavola.events.dead.lettered", "consumer", "gateway-live").increment();
        } finally {
            span.end();
        }
    }

    private void watch() {
        RabbitMQClient current = client;
        if (connected && current != null && !current.isConnected()) {
            lost(current, "connection closed");
        }
    }

    private void lost(RabbitMQClient which, String why) {
        if (which != client || !connected || stopped) {
            return;
        }
        connected = false;
        LOG.warnf("live feed lost RabbitMQ (%s); screens are told and resynced once it is back", why);
        hub.feedLost();
        retry(which);
    }

    private void retry(RabbitMQClient failed) {
        if (failed != client || stopped) {
            return;
        }
        client = null;
        failed.stop().subscribe().with(ok -> { }, failure -> LOG.debug("closing a broken broker connection", failure));
        backoffMillis = nextBackoff();
        if (retryTimer >= 0) {
            vertx.cancelTimer(retryTimer);
        }
        retryTimer = vertx.setTimer(backoffMillis, id -> {
            retryTimer = -1;
            connect();
        });
    }

    private long nextBackoff() {
        return backoffMillis == 0 ? 250 : Math.min(backoffMillis * 2, broker.maxReconnectBackoff().toMillis());
    }
}
