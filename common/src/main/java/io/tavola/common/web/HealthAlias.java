package io.tavola.common.web;

import io.smallrye.health.SmallRyeHealthReporter;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * {@code /health} on the service's public port, the path load balancers and the runbook expect. It
 * answers only the overall status ({@code {"status":"UP"}}, or 503 with {@code "DOWN"}): which checks
 * exist and what they report lives on the management interface ({@code /q/health/*}), which is not
 * reachable from outside.
 */
@ApplicationScoped
public class HealthAlias {

    private static final String UP = "{\"status\":\"UP\"}";
    private static final String DOWN = "{\"status\":\"DOWN\"}";

    @Inject
    SmallRyeHealthReporter reporter;

    void register(@Observes Router router) {
        router.get("/health").handler(rc -> reporter.getHealthAsync().subscribe().with(
                health -> rc.response().setStatusCode(health.isDown() ? 503 : 200)
                        .putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
                        .end(health.isDown() ? DOWN : UP),
                failure -> rc.response().setStatusCode(503).putHeader("Content-Type", "application/json")
                        .putHeader("Cache-Control", "no-store").end(DOWN)));
    }
}
