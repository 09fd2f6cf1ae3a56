package io.tavola.common.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.SmallRyeHealthReporter;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * {@code tavola_ready}: 1 while the service's readiness checks are UP, else 0, re-evaluated every few
 * seconds, so an alert (TavolaNotReady) sees a replica that Kubernetes took out of its Service.
 */
@ApplicationScoped
public class ReadinessGauge {

    private static final Logger LOG = Logger.getLogger(ReadinessGauge.class);

    @Inject
    SmallRyeHealthReporter health;

    @Inject
    MeterRegistry registry;

    @Inject
    Vertx vertx;

    @Inject
    MetricsConfig config;

    private final AtomicInteger ready = new AtomicInteger();

    void onStart(@Observes StartupEvent event) {
        Gauge.builder("tavola.ready", ready, AtomicInteger::get).description("1 while readiness is UP").register(registry);
        vertx.setPeriodic(1, config.readinessIntervalMs(), id -> health.getReadinessAsync().subscribe().with(
                report -> ready.set(report.isDown() ? 0 : 1),
                failure -> {
                    ready.set(0);
                    LOG.debugf("readiness not evaluated: %s", failure.toString());
                }));
    }
}
