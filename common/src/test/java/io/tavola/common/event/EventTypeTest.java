package io.tavola.common.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventTypeTest {

    private static final UUID RESTAURANT = UUID.fromString("6f1c1a52-0f8e-4d7f-a5a3-0c3b6c2f1e11");

    /** The wire names are a contract (docs/contracts.md): a rename here breaks every consumer. */
    @Test
    void theCatalogueHoldsTheWireNamesOfTheContract() {
        assertEquals(List.of("order.created", "order.status_changed", "order.cancelled", "session.opened",
                "session.updated", "session.closed", "session.service_requested", "menu.item_availability_changed",
                "menu.changed", "feedback.low_rating"), Arrays.stream(EventType.values()).map(EventType::wire).toList());
    }

    @Test
    void routingKeyPutsTheRestaurantBetweenAggregateAndEvent() {
        assertEquals("order.6f1c1a52-0f8e-4d7f-a5a3-0c3b6c2f1e11.created", EventType.ORDER_CREATED.routingKey(RESTAURANT));
        assertEquals("session.6f1c1a52-0f8e-4d7f-a5a3-0c3b6c2f1e11.service_requested",
                EventType.SESSION_SERVICE_REQUESTED.routingKey(RESTAURANT));
        assertEquals("menu.6f1c1a52-0f8e-4d7f-a5a3-0c3b6c2f1e11.item_availability_changed",
                EventType.MENU_ITEM_AVAILABILITY_CHANGED.routingKey(RESTAURANT));
    }

    @Test
    void eachEventBelongsToItsProducersStream() {
        for (EventType type : EventType.values()) {
            String aggregate = type.wire().substring(0, type.wire().indexOf('.'));
            EventStream expected = switch (aggregate) {
                case "order", "session" -> EventStream.ORDERS;
                case "menu" -> EventStream.MENU;
                case "feedback" -> EventStream.FEEDBACK;
                default -> throw new AssertionError("an aggregate without a stream: " + type);
            };
            assertEquals(expected, type.stream(), type.wire());
        }
        assertEquals("restaurant", EventStream.MENU.producer());
    }

    @Test
    void aWireNameOutsideTheCatalogueIsUnknownNotAnError() {
        assertEquals(Optional.of(EventType.SESSION_CLOSED), EventType.ofWire("session.closed"));
        assertEquals(Optional.empty(), EventType.ofWire("order.teleported"));
        assertEquals(Optional.empty(), EventType.ofWire("ORDER_CREATED"));
        assertEquals(Optional.empty(), EventType.ofWire(null));
    }

    record OrderView(UUID id) {}

    static final class ServiceRequests {
        record Requested(UUID sessionId) {}
    }

    @Test
    void anEventCarriesOnlyItsOwnPayloadRecord() {
        assertTrue(EventType.ORDER_CREATED.carries(new OrderView(UUID.randomUUID())));
        assertTrue(EventType.SESSION_SERVICE_REQUESTED.carries(new ServiceRequests.Requested(UUID.randomUUID())));
        assertFalse(EventType.SESSION_OPENED.carries(new OrderView(UUID.randomUUID())));
        assertFalse(EventType.ORDER_CREATED.carries(null));
        assertFalse(EventType.ORDER_CREATED.carries(java.util.Map.of("id", "x")));
    }
}
