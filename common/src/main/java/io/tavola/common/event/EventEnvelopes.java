package io.tavola.common.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * The one reader of event envelopes off the broker, for every consumer. It checks the envelope, not the
 * payload: {@code event_id}, {@code type}, {@code occurred_at} and {@code restaurant_id} must be there and
 * well formed, {@code data} must be a JSON object, {@code stream} and {@code sequence} are optional (an
 * envelope older than them lacks them). Fields it does not know are ignored, so producers may add some.
 * A type outside the catalogue is not an error here: the envelope is returned with an empty
 * {@link EventEnvelope#eventType()} and the consumer decides (the gateway passes it to kitchens only, the
 * customers service dead-letters it). Decimals stay decimals ({@code 23.00} is never a double).
 */
public final class EventEnvelopes {

    /** Not an envelope: the consumer drops or dead-letters it, never retries it forever. */
    public static final class Unreadable extends IllegalArgumentException {
        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private EventEnvelopes() {}

    public static EventEnvelope read(byte[] body) {
        try {
            return envelope(JSON.readTree(body));
        } catch (JsonProcessingException e) {
            throw unreadable("not JSON (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading an array in memory does no I/O
        }
    }

    public static EventEnvelope read(String body) {
        try {
            return envelope(JSON.readTree(body));
        } catch (JsonProcessingException e) {
            throw unreadable("not JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    private static EventEnvelope envelope(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw unreadable("not a JSON object", null);
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw unreadable("data is not a JSON object", null);
        }
        JsonNode sequence = root.get("sequence");
        if (sequence != null && !sequence.isNull() && !sequence.canConvertToExactIntegral()) {
            throw unreadable("sequence is not a whole number", null);
        }
        Instant occurredAt;
        try {
            occurredAt = Instant.parse(text(root, "occurred_at"));
        } catch (DateTimeParseException e) {
            throw unreadable("occurred_at is not an ISO-8601 instant", e);
        }
        JsonNode stream = root.get("stream");
        if (stream != null && !stream.isNull() && !stream.isTextual()) {
            throw unreadable("stream is not a name", null);
        }
        return new EventEnvelope(uuid(root, "event_id"), text(root, "type"), occurredAt, uuid(root, "restaurant_id"),
                stream == null || stream.isNull() ? null : stream.asText(),
                sequence == null || sequence.isNull() ? null : sequence.longValue(), data);
    }

    private static String text(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw unreadable("missing " + field, null);
        }
        return value.asText();
    }

    private static UUID uuid(JsonNode root, String field) {
        String text = text(root, field);
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw unreadable(field + " is not a UUID", e);
        }
    }

    private static Unreadable unreadable(String why, Throwable cause) {
        return new Unreadable("unreadable event envelope: " + why, cause);
    }
}
