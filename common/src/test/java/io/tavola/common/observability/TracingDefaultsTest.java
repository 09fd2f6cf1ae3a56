package io.tavola.common.observability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TracingDefaultsTest {

    private static final String RATIO = "quarkus.otel.traces.sampler.arg";

    @Test
    void nothingIsSampledWithoutACollector() {
        assertEquals("0.0", new TracingDefaults(Map.of(), null).getValue(RATIO));
        assertEquals("0.0", new TracingDefaults(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", " "), null).getValue(RATIO));
    }

    @Test
    void everythingIsSampledWithOne() {
        assertEquals("1.0", new TracingDefaults(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4317"), null).getValue(RATIO));
        assertEquals("1.0", new TracingDefaults(Map.of("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "http://c:4317"), null)
                .getValue(RATIO));
        assertEquals("1.0", new TracingDefaults(Map.of(), "http://c:4318").getValue(RATIO));
    }

    @Test
    void answersOnlyForTheRatioAndBelowTheApplicationsOwnConfig() {
        TracingDefaults source = new TracingDefaults(Map.of(), null);
        assertNull(source.getValue("quarkus.otel.traces.sampler"));
        assertEquals(150, source.getOrdinal());
    }
}
