package io.tavola.gateway.routing;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** Where each service lives and how long the gateway waits for it. */
@ConfigMapping(prefix = "tavola.proxy")
public interface UpstreamConfig {

    /** Keyed by {@link Service#key()}: {@code tavola.proxy.upstream.orders.url}. */
    Map<String, Target> upstream();

    Duration connectTimeout();

    /** How long the service may stay silent before the caller gets a 504. */
    Duration responseTimeout();

    Breaker breaker();

    interface Target {
        URI url();
    }

    interface Breaker {
        /** Calls in the rolling window the failure ratio is measured over. */
        int window();

        double failureRatio();

        /** How long an open breaker answers 503 before letting a trial call through. */
        Duration delay();
    }
}
