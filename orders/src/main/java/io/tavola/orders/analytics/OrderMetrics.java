package io.tavola.orders.analytics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import io.tavola.orders.OrdersConfig;
import io.tavola.orders.order.OrderPlaced;
import io.tavola.orders.order.OrderReady;
import io.tavola.orders.order.OrderView;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Business metrics on {@code /q/metrics}, tagged by restaurant: {@code orders_created_total},
 * {@code orders_revenue_total} (per currency) and {@code orders_in_status} gauges for the statuses of
 * the kitchen board, which are counted from the database periodically so every replica reports the same;
 * {@code orders_ready_seconds} (a histogram, no tags: the kitchen's latency across all restaurants) is the
 * time from placement to READY. No order, user or session id is ever a tag. It observes the order
 * package's CDI events; placing and moving orders do not know it exists.
 */
@ApplicationScoped
public class OrderMetrics {

    private static final Logger LOG = Logger.getLogger(OrderMetrics.class);

    @Inject
    MeterRegistry registry;

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    OrdersConfig config;

    private Timer readyTimer;
    private final Map<String, AtomicLong> inStatus = new ConcurrentHashMap<>();

    void created(@Observes OrderPlaced placed) {
        OrderView order = placed.order();
        String restaurant = order.restaurantId().toString();
        Counter.builder("orders.created").description("Orders placed").tag("restaurant_id", restaurant)
                .register(registry).increment();
        Counter.builder("orders.revenue").description("Value of the orders placed, in the restaurant's currency")
                .tag("restaurant_id", restaurant).tag("currency", order.currency())
                .register(registry).increment(order.totalAmount().doubleValue());
    }

    /** An order reached READY: how long the kitchen took since it was placed. */
    void ready(@Observes OrderReady ready) {
        OrderView order = ready.order();
        if (order.createdAt() == null) {
            return;
        }
        readyTimer.record(Duration.between(order.createdAt(), Instant.now()));
    }

    void onStart(@Observes StartupEvent event) {
        readyTimer = Timer.builder("orders.ready").description("Time from an order's placement to READY")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofSeconds(1)).maximumExpectedValue(Duration.ofHours(2))
                .register(registry);
        vertx.setPeriodic(config.statusRefreshInterval().toMillis(), id -> refresh());
    }

    /** Recounts the active statuses; restaurants whose orders all left a status drop to 0. */
    void refresh() {
        pool.query("select restaurant_id, status, count(*) from orders.customer_order "
                + "where status in ('PENDING', 'CONFIRMED', 'PREPARING', 'READY') group by restaurant_id, status")
                .execute()
                .subscribe().with(rows -> {
                    Set<String> seen = new HashSet<>();
                    for (Row row : rows) {
                        String key = gaugeFor(row.getUUID(0), row.getString(1));
                        inStatus.get(key).set(row.getLong(2));
                        seen.add(key);
                    }
                    inStatus.forEach((key, value) -> {
                        if (!seen.contains(key)) {
                            value.set(0);
                        }
                    });
                }, failure -> LOG.debugf("status gauges not refreshed: %s", failure.toString()));
    }

    private String gaugeFor(UUID restaurantId, String status) {
        String key = restaurantId + "/" + status;
        inStatus.computeIfAbsent(key, k -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("orders.in.status", value, AtomicLong::get)
                    .description("Orders currently in a status of the kitchen board")
                    .tag("restaurant_id", restaurantId.toString()).tag("status", status)
                    .register(registry);
            return value;
        });
        return key;
    }
}
