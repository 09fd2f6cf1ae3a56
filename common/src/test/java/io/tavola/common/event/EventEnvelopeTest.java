package io.tavola.common.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    /** The services' wire format (common's defaults): snake_case, ISO-8601 times, unknown fields refused. */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void anEventOfAStreamCarriesItsStreamAndSequenceOnTheWire() throws Exception {
        EventEnvelope event = EventEnvelope.of(EventType.ORDER_CREATED, UUID.randomUUID(), JsonNodeFactory.instance.objectNode())
                .inStream("orders", 42L);
        JsonNode wire = JSON.readTree(JSON.writeValueAsString(event));
        assertEquals("orders", wire.path("stream").asText());
        assertEquals(42, wire.path("sequence").asLong());
        assertEquals(event.eventId().toString(), wire.path("event_id").asText());
        assertEquals("order.created", wire.path("type").asText());
        List<String> fields = new ArrayList<>();
        wire.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("event_id", "type", "occurred_at", "restaurant_id", "stream", "sequence", "data"), fields,
                "the envelope of DESIGN.md, nothing more");
        assertEquals(event, JSON.readValue(wire.toString(), EventEnvelope.class));
    }

    @Test
    void anEventOfNoStreamLeavesBothOutAndOlderEnvelopesStillRead() throws Exception {
        EventEnvelope plain = EventEnvelope.of(EventType.MENU_ITEM_AVAILABILITY_CHANGED, UUID.randomUUID(),
                JsonNodeFactory.instance.objectNode());
        JsonNode wire = JSON.readTree(JSON.writeValueAsString(plain));
        assertFalse(wire.has("stream"));
        assertFalse(wire.has("sequence"));
        String before = "{\"event_id\":\"" + UUID.randomUUID() + "\",\"type\":\"order.created\","
                + "\"occurred_at\":\"2026-12-01T10:00:00Z\",\"restaurant_id\":\"" + UUID.randomUUID() + "\",\"data\":{}}";
        EventEnvelope read = JSON.readValue(before, EventEnvelope.class);
        assertNull(read.sequence());
        assertNull(read.stream());
    }
}
