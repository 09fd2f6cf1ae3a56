package io.tavola.common.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * The envelope of every integration event (DESIGN.md, Events). {@code type} is
 * {@code <aggregate>.<event>}, e.g. {@code order.created}; the routing key puts the restaurant between
 * the two: {@code order.<restaurant_id>.created}. Consumers are idempotent on {@code event_id}.
 */
public record EventEnvelope(UUID eventId, String type, Instant occurredAt, UUID restaurantId, JsonNode data) {

    public static EventEnvelope of(String type, UUID restaurantId, JsonNode data) {
        return new EventEnvelope(UUID.randomUUID(), type, Instant.now(), restaurantId, data);
    }

    public String routingKey() {
        return routingKey(type, restaurantId);
    }

    public static String routingKey(String type, UUID restaurantId) {
        int dot = type.indexOf('.');
        if (dot <= 0 || dot == type.length() - 1) {
            throw new IllegalArgumentException("event type must be <aggregate>.<event>: " + type);
        }
        return type.substring(0, dot) + "." + restaurantId + "." + type.substring(dot + 1);
    }
}
