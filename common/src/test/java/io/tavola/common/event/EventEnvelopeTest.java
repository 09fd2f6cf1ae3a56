package io.tavola.common.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    /** The services' wire format (common's defaults): snake_case, ISO-8601 times, unknown fields refused. */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void routingKeyPutsTheRestaurantBetweenAggregateAndEvent() {
        UUID restaurant = UUID.fromString("6f1c1a52-0f8e-4d7f-a5a3-0c3b6c2f1e11");
        EventEnvelope created = EventEnvelope.of("order.created", restaurant, JsonNodeFactory.instance.objectNode());
        assertEquals("order.6f1c1a52-0f8e-4d7f-a5a3-0c3b6c2f1e11.created", created.routingKey());
        assertEquals("session.6f1c1a52-0f8e-4d7f-a5a3-0c3b6c2f1e11.service_requested",
                EventEnvelope.routingKey("session.service_requested", restaurant));
    }

    @Test
    void typeWithoutAggregateIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> EventEnvelope.routingKey("created", UUID.randomUUID()));
    }

    @Test
    void anEventOfAStreamCarriesItsStreamAndSequenceOnTheWire() throws Exception {
        EventEnvelope event = EventEnvelope.of("order.created", UUID.randomUUID(), JsonNodeFactory.instance.objectNode())
                .inStream("orders", 42L);
        JsonNode wire = JSON.readTree(JSON.writeValueAsString(event));
        assertEquals("orders", wire.path("stream").asText());
        assertEquals(42, wire.path("sequence").asLong());
        assertEquals(event.eventId().toString(), wire.path("event_id").asText());
        assertEquals(event, JSON.readValue(wire.toString(), EventEnvelope.class));
    }

    @Test
    void anEventOfNoStreamLeavesBothOutAndOlderEnvelopesStillRead() throws Exception {
        EventEnvelope plain = EventEnvelope.of("menu.item_availability_changed", UUID.randomUUID(),
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
