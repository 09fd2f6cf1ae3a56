package io.tavola.common.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

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
}
