package io.tavola.common.metrics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the metrics every service exports through common. */
@ConfigMapping(prefix = "tavola.metrics")
public interface MetricsConfig {

    /** How often {@code tavola_ready} re-evaluates the readiness checks, in milliseconds. */
    @WithDefault("5000")
    long readinessIntervalMs();
}
