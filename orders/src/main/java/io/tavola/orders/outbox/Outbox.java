package io.tavola.orders.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.tavola.common.event.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Records an event in the outbox. Call it inside the transaction of the state change it describes:
 * the event exists exactly when the change was committed. {@link OutboxRelay} publishes it.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    ObjectMapper json;

    public Uni<Void> add(String type, UUID restaurantId, Object data) {
        JsonNode payload = json.valueToTree(data);
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), type,
                Instant.now().truncatedTo(ChronoUnit.MICROS), restaurantId, payload);
        OutboxEvent event = new OutboxEvent();
        event.eventId = envelope.eventId();
        event.restaurantId = restaurantId;
        event.type = type;
        event.routingKey = envelope.routingKey();
        event.createdAt = envelope.occurredAt();
        try {
            event.payload = json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("event not serialisable: " + type, e));
        }
        return event.persist().replaceWithVoid();
    }
}
