package io.tavola.common.observability;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Spans are sampled, and so exported over OTLP, only when a collector is configured (the environment's
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT} or {@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT}, or the system property
 * {@code quarkus.otel.exporter.otlp.endpoint}); otherwise the sampler is {@code always_off}: trace and span
 * ids still exist (log lines and traceparent headers carry them) but nothing is exported, so nothing
 * retries against a collector that is not there. An explicit {@code quarkus.otel.traces.sampler} anywhere
 * else wins (this source's ordinal, 150, is below application.properties').
 */
public class TracingDefaults implements ConfigSource {

    static final String SAMPLER = "quarkus.otel.traces.sampler";

    private final String sampler;

    public TracingDefaults() {
        this(System.getenv(), System.getProperty("quarkus.otel.exporter.otlp.endpoint"));
    }

    TracingDefaults(Map<String, String> env, String endpointProperty) {
        boolean collector = present(env.get("OTEL_EXPORTER_OTLP_ENDPOINT"))
                || present(env.get("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT"))
                || present(env.get("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"))
                || present(endpointProperty);
        this.sampler = collector ? "parentbased_always_on" : "always_off";
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(SAMPLER);
    }

    @Override
    public String getValue(String name) {
        return SAMPLER.equals(name) ? sampler : null;
    }

    @Override
    public int getOrdinal() {
        return 150;
    }

    @Override
    public String getName() {
        return "tavola-tracing-defaults";
    }
}
