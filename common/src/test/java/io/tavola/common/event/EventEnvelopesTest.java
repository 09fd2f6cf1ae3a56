package io.tavola.common.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventEnvelopesTest {

    private static final String EVENT = "6e0f4a57-5d7f-4c8e-9b1a-1f0e2d3c4b5a";
    private static final String RESTAURANT = "6f1c1a52-0f8e-4d7f-a5a3-0c3b6c2f1e11";

    /** An envelope as an outbox relay publishes it (jsonb's key order, not the record's). */
    private static String envelope(String type, String extra) {
        return "{\"data\": {\"id\": \"o1\", \"total_amount\": 23.00}, \"type\": \"" + type + "\", \"stream\": \"orders\","
                + " \"event_id\": \"" + EVENT + "\", \"sequence\": 42, \"occurred_at\": \"2026-12-01T10:00:00.123456Z\","
                + " \"restaurant_id\": \"" + RESTAURANT + "\"" + extra + "}";
    }

    @Test
    void readsAnOutboxEnvelopeWithItsCatalogueType() {
        EventEnvelope read = EventEnvelopes.read(envelope("order.created", "").getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.of(EventType.ORDER_CREATED), read.eventType());
        assertEquals(UUID.fromString(EVENT), read.eventId());
        assertEquals(UUID.fromString(RESTAURANT), read.restaurantId());
        assertEquals(Instant.parse("2026-12-01T10:00:00.123456Z"), read.occurredAt());
        assertEquals("orders", read.stream());
        assertEquals(42L, read.sequence());
        assertEquals(new BigDecimal("23.00"), read.data().get("total_amount").decimalValue(), "money is never a double");
        assertEquals(read, EventEnvelopes.read(envelope("order.created", "")), "bytes and text read alike");
    }

    @Test
    void anOlderEnvelopeWithoutStreamOrSequenceAndOneWithNewFieldsStillRead() {
        String older = "{\"event_id\": \"" + EVENT + "\", \"type\": \"menu.item_availability_changed\","
                + " \"occurred_at\": \"2026-12-01T10:00:00Z\", \"restaurant_id\": \"" + RESTAURANT + "\", \"data\": {}}";
        EventEnvelope read = EventEnvelopes.read(older);
        assertNull(read.stream());
        assertNull(read.sequence());
        assertEquals(Optional.of(EventType.MENU_ITEM_AVAILABILITY_CHANGED), read.eventType());
        assertEquals(Optional.of(EventType.ORDER_CREATED),
                EventEnvelopes.read(envelope("order.created", ", \"schema\": 2")).eventType());
    }

    @Test
    void aTypeOutsideTheCatalogueIsReadAsUnknownForTheConsumerToDecide() {
        EventEnvelope read = EventEnvelopes.read(envelope("order.teleported", ""));
        assertEquals("order.teleported", read.type());
        assertEquals(Optional.empty(), read.eventType());
        assertEquals(42L, read.sequence(), "its sequence still counts");
    }

    @Test
    void whatIsNotAnEnvelopeIsUnreadableAndSaysWhy() {
        assertUnreadable("not JSON", "not json");
        assertUnreadable("not JSON", envelope("order.created", "") + " {}");
        assertUnreadable("not a JSON object", "[1, 2]");
        assertUnreadable("missing event_id", envelope("order.created", "").replace("\"event_id\"", "\"id\""));
        assertUnreadable("event_id is not a UUID", envelope("order.created", "").replace(EVENT, "42"));
        assertUnreadable("missing type", envelope("order.created", "").replace("\"order.created\"", "7"));
        assertUnreadable("missing restaurant_id",
                envelope("order.created", "").replace("\"" + RESTAURANT + "\"", "null"));
        assertUnreadable("occurred_at is not an ISO-8601 instant",
                envelope("order.created", "").replace("2026-12-01T10:00:00.123456Z", "yesterday"));
        assertUnreadable("data is not a JSON object",
                envelope("order.created", "").replace("{\"id\": \"o1\", \"total_amount\": 23.00}", "\"x\""));
        assertUnreadable("sequence is not a whole number", envelope("order.created", "").replace("42", "4.5"));
        assertUnreadable("stream is not a name", envelope("order.created", "").replace("\"orders\"", "3"));
    }

    private static void assertUnreadable(String why, String body) {
        EventEnvelopes.Unreadable e = assertThrows(EventEnvelopes.Unreadable.class, () -> EventEnvelopes.read(body));
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }
}
