package io.tavola.common.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tavola.common.event.EventEnvelope;
import io.tavola.common.event.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Records an integration event in the service's outbox table. Call it inside the transaction of the
 * state change it describes: the event exists exactly when the change was committed, and
 * {@link OutboxRelay} publishes it. A service opts in with {@code tavola.outbox.enabled=true} and an
 * {@code outbox_event} table in its schema (see common/README.md).
 *
 * <p>Each event gets the next sequence number of its restaurant in this outbox's stream (the exchange),
 * from the {@code <table>_sequence} counter row, in the same transaction. The row stays locked until
 * that transaction ends, so a restaurant's numbers follow its commit order without holes, and a
 * snapshot read after {@link #snapshotSequence} holds exactly the events up to the number it answers.
 */
@ApplicationScoped
@IfBuildProperty(name = "tavola.outbox.enabled", stringValue = "true")
public class Outbox {

    @Inject
    ObjectMapper json;

    @Inject
    OutboxTracing tracing;

    @Inject
    OutboxConfig config;

    /**
     * Records {@code type} for the restaurant with {@code data}, the catalogue's payload record of that
     * event. An event of another stream than this outbox's, or with another record, is a programming error:
     * refused before anything is written.
     */
    public Uni<Void> add(EventType type, UUID restaurantId, Object data) {
        String stream = config.exchange();
        if (!type.stream().wire().equals(stream)) {
            return Uni.createFrom().failure(new IllegalArgumentException(type.wire() + " belongs to stream "
                    + type.stream().wire() + ", not to this outbox's " + stream));
        }
        if (!type.carries(data)) {
            return Uni.createFrom().failure(new IllegalArgumentException(type.wire() + " carries "
                    + type.payload() + ", not " + (data == null ? "null" : data.getClass().getName())));
        }
        // the sequence is the counter's, written into the payload by the same statement
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), type.wire(),
                Instant.now().truncatedTo(ChronoUnit.MICROS), restaurantId, stream, null, json.valueToTree(data));
        String payload;
        try {
            payload = json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("event not serialisable: " + type.wire(), e));
        }
        // the parameter goes in as text and PostgreSQL parses it: bound as jsonb it would be a JSON string
        return Panache.getSession().chain(session -> session.createNativeQuery("with next as ("
                + "insert into " + sequenceTable() + " as s (restaurant_id, last_sequence) values (:restaurant, 1)"
                + " on conflict (restaurant_id) do update set last_sequence = s.last_sequence + 1"
                + " returning last_sequence)"
                + " insert into " + config.table()
                + " (event_id, restaurant_id, type, routing_key, payload, created_at, traceparent)"
                + " select :event, :restaurant, :type, :key, cast(cast(:payload as text) as jsonb)"
                + " || jsonb_build_object('sequence', next.last_sequence), :at, :traceparent from next")
                .setParameter("event", envelope.eventId())
                .setParameter("restaurant", restaurantId)
                .setParameter("type", type.wire())
                .setParameter("key", type.routingKey(restaurantId))
                .setParameter("payload", payload)
                .setParameter("at", envelope.occurredAt())
                .setParameter("traceparent", tracing.current())
                .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * The last sequence number of the restaurant's events in this stream, for a snapshot: call it inside
     * the snapshot's transaction before reading what the snapshot shows. It holds the restaurant's
     * writers until that transaction ends (and waits for those in flight), so the snapshot holds every
     * event up to this number and none after it.
     */
    public Uni<Long> snapshotSequence(UUID restaurantId) {
        return lockedSequence(restaurantId).chain(found -> found != null ? Uni.createFrom().item(found)
                // no event yet: a zero row to hold, so that the first event waits for this snapshot too
                : Panache.getSession().chain(session -> session.createNativeQuery("insert into " + sequenceTable()
                        + " (restaurant_id, last_sequence) values (:restaurant, 0) on conflict do nothing")
                        .setParameter("restaurant", restaurantId).executeUpdate())
                        .chain(() -> lockedSequence(restaurantId)));
    }

    private Uni<Long> lockedSequence(UUID restaurantId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("select last_sequence from "
                + sequenceTable() + " where restaurant_id = :restaurant for share", Long.class)
                .setParameter("restaurant", restaurantId)
                .getSingleResultOrNull());
    }

    private String sequenceTable() {
        return config.table() + "_sequence";
    }
}
