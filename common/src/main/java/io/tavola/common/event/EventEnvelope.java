package io.tavola.common.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The envelope of every integration event (DESIGN.md, Events). {@code type} is the wire name of an
 * {@link EventType}, e.g. {@code order.created}; the routing key puts the restaurant between the two
 * halves: {@code order.<restaurant_id>.created}. Consumers are idempotent on {@code event_id}; they read
 * envelopes with {@link EventEnvelopes} and switch on {@link #eventType()}.
 *
 * <p>An event written through an outbox also names its {@code stream} (the outbox's exchange:
 * {@code orders}, {@code menu}, {@code feedback}) and its {@code sequence}: 1, 2, 3... per stream and
 * restaurant, in commit order, so a live client that sees 7 after 5 knows it missed one. Both are absent
 * from envelopes that belong to no stream; consumers that do not care about them ignore them.
 * Registered for reflection: only an ObjectMapper (the outbox, consumers) reads and writes it, never a
 * REST endpoint, so a native executable would otherwise not know its accessors.
 */
@RegisterForReflection
public record EventEnvelope(UUID eventId, String type, Instant occurredAt, UUID restaurantId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String stream,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long sequence, JsonNode data) {

    /**
     * On a snapshot read (the kitchen board, a table session): the restaurant's last sequence in the
     * serving service's stream that the representation is current to.
     */
    public static final String SNAPSHOT_SEQUENCE_HEADER = "Event-Sequence";

    /** A new event of the catalogue, of no stream yet. */
    public static EventEnvelope of(EventType type, UUID restaurantId, JsonNode data) {
        return new EventEnvelope(UUID.randomUUID(), type.wire(), Instant.now(), restaurantId, null, null, data);
    }

    /** The same event as the {@code sequence}-th of its restaurant in {@code stream}. */
    public EventEnvelope inStream(String stream, Long sequence) {
        return new EventEnvelope(eventId, type, occurredAt, restaurantId, stream, sequence, data);
    }

    /**
     * The catalogue's entry for {@code type}; empty when the envelope comes from a newer producer than
     * this build knows: each consumer says what it does with those.
     */
    @JsonIgnore
    public Optional<EventType> eventType() {
        return EventType.ofWire(type);
    }
}
