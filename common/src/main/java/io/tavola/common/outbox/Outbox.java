package io.tavola.common.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tavola.common.event.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records an integration event in the service's outbox table. Call it inside the transaction of the
 * state change it describes: the event exists exactly when the change was committed, and
 * {@link OutboxRelay} publishes it. A service opts in with {@code tavola.outbox.enabled=true} and an
 * {@code outbox_event} table in its schema (see common/README.md).
 */
@ApplicationScoped
@IfBuildProperty(name = "tavola.outbox.enabled", stringValue = "true")
public class Outbox {

    @Inject
    ObjectMapper json;

    @Inject
    OutboxRelay relay;

    @ConfigProperty(name = "tavola.outbox.table")
    String table;

    public Uni<Void> add(String type, UUID restaurantId, Object data) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), type,
                Instant.now().truncatedTo(ChronoUnit.MICROS), restaurantId, json.valueToTree(data));
        String payload;
        try {
            payload = json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("event not serialisable: " + type, e));
        }
        // the parameter goes in as text and PostgreSQL parses it: bound as jsonb it would be a JSON string
        return Panache.getSession().chain(session -> session.createNativeQuery("insert into " + table
                + " (event_id, restaurant_id, type, routing_key, payload, created_at)"
                + " values (:event, :restaurant, :type, :key, cast(cast(:payload as text) as jsonb), :at)")
                .setParameter("event", envelope.eventId())
                .setParameter("restaurant", restaurantId)
                .setParameter("type", type)
                .setParameter("key", envelope.routingKey())
                .setParameter("payload", payload)
                .setParameter("at", envelope.occurredAt())
                .executeUpdate())
                .replaceWithVoid();
    }

    /** Publish now rather than at the next poll: call once the transaction that added events committed. */
    public void flush() {
        relay.wake();
    }
}
