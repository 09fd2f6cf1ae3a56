package io.tavola.common.observability;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Spans are sampled, and so exported over OTLP, only when a collector is configured (the environment's
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT} or {@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT}, or the system property
 * {@code quarkus.otel.exporter.otlp.endpoint}). The sampler is fixed at build time to {@code traceidratio}
 * (common's microprofile-config.properties); this source sets its ratio at run time: 1.0 with a
 * collector, else 0.0, where trace and span ids still exist (log lines and traceparent headers carry them)
 * but nothing is exported, so nothing retries against a collector that is not there. The decision depends
 * only on the trace id, so every service decides the same for one trace. An explicit
 * {@code quarkus.otel.traces.sampler.arg} elsewhere wins (this source's ordinal, 150, is below
 * application.properties' and the environment's).
 */
public class TracingDefaults implements ConfigSource {

    static final String SAMPLER_RATIO = "quarkus.otel.traces.sampler.arg";

    private final String ratio;

    public TracingDefaults() {
        this(System.getenv(), System.getProperty("quarkus.otel.exporter.otlp.endpoint"));
    }

    TracingDefaults(Map<String, String> env, String endpointProperty) {
        boolean collector = present(env.get("OTEL_EXPORTER_OTLP_ENDPOINT"))
                || present(env.get("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT"))
                || present(env.get("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"))
                || present(endpointProperty);
        this.ratio = collector ? "1.0" : "0.0";
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(SAMPLER_RATIO);
    }

    @Override
    public String getValue(String name) {
        return SAMPLER_RATIO.equals(name) ? ratio : null;
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
