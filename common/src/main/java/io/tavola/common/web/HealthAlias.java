package io.tavola.common.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** {@code /health} answers like {@code /q/health}, the path load balancers and the runbook expect. */
@ApplicationScoped
public class HealthAlias {

    void register(@Observes Router router) {
        router.get("/health").handler(rc -> rc.reroute("/q/health"));
    }
}
