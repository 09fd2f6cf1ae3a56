package io.tavola.common.outbox;

import com.rabbitmq.client.AMQP;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.ApplicationConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.rabbitmq.RabbitMQClient;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.rabbitmq.RabbitMQOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to the service's topic exchange, oldest first, with publisher confirms,
 * and marks them sent only once the broker confirmed them. While the broker is unreachable it backs
 * off and retries; a row is never dropped. Runs on one Vert.x event-loop context, never blocking it.
 *
 * <p>Delivery is at least once: a crash between the broker's confirm and the update that marks the
 * rows sent republishes them, which consumers absorb because they are idempotent on {@code event_id}.
 *
 * <p>Metrics (tag {@code exchange}): {@code tavola_outbox_backlog} (unsent rows) and
 * {@code tavola_outbox_oldest_age_seconds} (age of the oldest unsent row, 0 when none), recounted from the
 * table every few seconds so every replica reports the same; {@code tavola_events_published_total};
 * {@code tavola_broker_connected{connection="outbox"}}.
 */
@ApplicationScoped
@IfBuildProperty(name = "tavola.outbox.enabled", stringValue = "true")
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    Vertx vertx;

    @Inject
    Pool pool;

    @Inject
    OutboxConfig config;

    /** The service's name, in the broker connection's name. */
    @Inject
    ApplicationConfig application;

    @Inject
    MeterRegistry registry;

    @Inject
    OutboxTracing tracing;

    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private Counter publishedEvents;
    private Context context;
    private volatile RabbitMQClient client;
    private volatile boolean connected;
    private volatile boolean stopped;
    private boolean busy;
    private boolean wakeRequested;
    private long timerId = -1;
    private long backoffMillis;

    void onStart(@Observes StartupEvent event) {
        Gauge.builder("tavola.outbox.backlog", backlog, AtomicLong::get).description("Outbox rows not yet published")
                .tag("exchange", config.exchange()).register(registry);
        Gauge.builder("tavola.outbox.oldest.age.seconds", oldestAgeSeconds, AtomicLong::get)
                .description("Age of the oldest unpublished outbox row (0 when there is none)")
                .tag("exchange", config.exchange()).register(registry);
        Gauge.builder("tavola.broker.connected", this, relay -> relay.connected() ? 1 : 0)
                .description("1 while the connection to RabbitMQ is up").tag("connection", "outbox").register(registry);
        publishedEvents = Counter.builder("tavola.events.published").description("Events the broker confirmed")
                .tag("exchange", config.exchange()).register(registry);
        vertx.setPeriodic(config.backlogRefresh().toMillis(), id -> countBacklog());
        context = vertx.getDelegate().getOrCreateContext();
        CompletableFuture<Void> firstConnect = new CompletableFuture<>();
        context.runOnContext(v -> connect().subscribe().with(
                ok -> {
                    firstConnect.complete(null);
                    tick();
                },
                failure -> {
                    LOG.warnf("RabbitMQ not reachable at start (%s); events wait in the outbox", failure.toString());
                    firstConnect.complete(null);
                    scheduleAfterFailure();
                }));
        try {
            // Startup waits briefly so the service reports ready as soon as it is, never longer.
            firstConnect.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("first broker connection still pending", e);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopped = true;
        if (context != null) {
            context.runOnContext(v -> {
                if (timerId >= 0) {
                    vertx.cancelTimer(timerId);
                }
                disconnect();
            });
        }
    }

    private void countBacklog() {
        pool.query("select count(*), coalesce(extract(epoch from now() - min(created_at)), 0)::bigint from "
                + config.table() + " where sent_at is null").execute()
                .subscribe().with(rows -> {
                    Row row = rows.iterator().next();
                    backlog.set(row.getLong(0));
                    oldestAgeSeconds.set(row.getLong(1));
                }, failure -> LOG.debugf("outbox backlog not counted: %s", failure.toString()));
    }

    /** Whether the relay holds a live broker connection (part of readiness). */
    public boolean connected() {
        return connected && client != null && client.isConnected();
    }

    /** Publish now rather than at the next poll: called after a transaction wrote outbox rows. */
    public void wake() {
        if (context == null || stopped) {
            return;
        }
        context.runOnContext(v -> {
            if (busy) {
                wakeRequested = true;
            } else if (backoffMillis == 0) {
                tick();
            }
        });
    }

    private void tick() {
        if (stopped) {
            return;
        }
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
            timerId = -1;
        }
        busy = true;
        wakeRequested = false;
        Uni.createFrom().deferred(() -> connected() ? Uni.createFrom().voidItem() : connect())
                .chain(this::relayBatch)
                .subscribe().with(published -> {
                    busy = false;
                    backoffMillis = 0;
                    if (published >= config.batchSize() || wakeRequested) {
                        context.runOnContext(v -> tick());
                    } else {
                        schedule(config.pollInterval().toMillis());
                    }
                }, failure -> {
                    busy = false;
                    LOG.warnf("outbox relay could not publish (%s); retrying in %d ms", failure.toString(),
                            nextBackoff());
                    disconnect();
                    scheduleAfterFailure();
                });
    }

    private long nextBackoff() {
        return backoffMillis == 0 ? 250 : Math.min(backoffMillis * 2, config.maxBackoff().toMillis());
    }

    private void scheduleAfterFailure() {
        backoffMillis = nextBackoff();
        schedule(backoffMillis);
    }

    private void schedule(long delayMillis) {
        if (stopped) {
            return;
        }
        timerId = vertx.setTimer(Math.max(1, delayMillis), id -> {
            timerId = -1;
            tick();
        });
    }

    /**
     * One batch inside a transaction holding this outbox's advisory lock, so only one replica relays at a
     * time and events leave in outbox order; answers how many rows were published.
     */
    private Uni<Integer> relayBatch() {
        long lockId = 0x7a7600000000L + (config.table().hashCode() & 0xffffffffL);
        return pool.withTransaction(conn -> conn.query("select pg_try_advisory_xact_lock(" + lockId + ")")
                .execute()
                .chain(lock -> lock.iterator().next().getBoolean(0) ? publishUnsent(conn) : Uni.createFrom().item(0)));
    }

    private Uni<Integer> publishUnsent(SqlConnection conn) {
        return conn.preparedQuery("select id, event_id, type, routing_key, payload::text, traceparent from "
                + config.table() + " where sent_at is null order by id limit $1")
                .execute(Tuple.of(config.batchSize()))
                .chain(rows -> {
                    List<Long> ids = new ArrayList<>();
                    List<Span> spans = new ArrayList<>();
                    Uni<Void> published = Uni.createFrom().voidItem();
                    for (Row row : rows) {
                        ids.add(row.getLong(0));
                        String routingKey = row.getString(3);
                        Span span = tracing.publishing(config.exchange(), routingKey, row.getString(5));
                        spans.add(span);
                        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                                .contentType("application/json")
                                .deliveryMode(2)
                                .messageId(row.getUUID(1).toString())
                                .type(row.getString(2))
                                .headers(tracing.headersOf(span))
                                .build();
                        Buffer body = Buffer.buffer(row.getString(4));
                        published = published.chain(
                                () -> client.basicPublish(config.exchange(), routingKey, properties, body));
                    }
                    if (ids.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return published
                            .chain(() -> client.waitForConfirms(5000))
                            .chain(() -> conn.preparedQuery("update " + config.table()
                                    + " set sent_at = now() where id = any($1)")
                                    .execute(Tuple.of(ids.toArray(new Long[0]))))
                            .invoke(() -> publishedEvents.increment(ids.size()))
                            .onTermination().invoke((ok, failure, cancelled) -> OutboxTracing.end(spans, failure))
                            .replaceWith(ids.size());
                });
    }

    private Uni<Void> connect() {
        disconnect();
        OutboxConfig.Broker broker = config.broker();
        RabbitMQOptions options = new RabbitMQOptions()
                .setHost(broker.host())
                .setPort(broker.port())
                .setUser(broker.username())
                .setPassword(broker.password())
                .setVirtualHost(broker.virtualHost())
                .setConnectionName("tavola-" + application.name().orElseThrow() + "-outbox")
                .setConnectionTimeout(3000)
                .setRequestedHeartbeat(10)
                .setAutomaticRecoveryEnabled(false)
                .setReconnectAttempts(0);
        RabbitMQClient fresh = RabbitMQClient.create(vertx, options);
        client = fresh;
        return fresh.start()
                .chain(fresh::confirmSelect)
                .chain(() -> fresh.exchangeDeclare(config.exchange(), "topic", true, false))
                .invoke(() -> {
                    connected = true;
                    LOG.infof("outbox relay connected to RabbitMQ %s:%d, virtual host %s", broker.host(), broker.port(),
                            broker.virtualHost());
                });
    }

    private void disconnect() {
        connected = false;
        RabbitMQClient old = client;
        client = null;
        if (old != null) {
            old.stop().subscribe().with(ok -> { }, failure -> LOG.debug("closing a broken broker connection", failure));
        }
    }
}
