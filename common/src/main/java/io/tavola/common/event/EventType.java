package io.tavola.common.event;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue of Tavola's integration events (docs/contracts.md, "Event catalogue"): every event any
 * service emits, with its wire type ({@code <aggregate>.<event>}), its stream and the producer's record
 * that is its {@code data}. Producers write them through {@code Outbox.add}, consumers read envelopes with
 * {@link EventEnvelopes} and switch on the constant, so adding an event here makes each exhaustive switch
 * say where it is not handled yet. The web app's list of names is generated from this enum
 * (src-frontend/src/api/eventCatalogue.ts; common's EventCatalogueTest fails when they differ).
 *
 * <p>No payload record lives here: no record is shared by a producer and a consumer (the gateway and the
 * customers service read the few fields they need), so {@link #payload()} names the producer's own record,
 * and the outbox refuses an event whose data is another.
 */
public enum EventType {
    ORDER_CREATED("order.created", EventStream.ORDERS, "OrderView"),
    ORDER_STATUS_CHANGED("order.status_changed", EventStream.ORDERS, "OrderView"),
    ORDER_CANCELLED("order.cancelled", EventStream.ORDERS, "OrderView"),
    SESSION_OPENED("session.opened", EventStream.ORDERS, "SessionSummary"),
    SESSION_UPDATED("session.updated", EventStream.ORDERS, "SessionSummary"),
    SESSION_CLOSED("session.closed", EventStream.ORDERS, "SessionSummary"),
    SESSION_SERVICE_REQUESTED("session.service_requested", EventStream.ORDERS, "ServiceRequests.Requested"),
    MENU_ITEM_AVAILABILITY_CHANGED("menu.item_availability_changed", EventStream.MENU, "MenuEvents.ItemAvailability"),
    MENU_CHANGED("menu.changed", EventStream.MENU, "MenuEvents.MenuChanged"),
    FEEDBACK_LOW_RATING("feedback.low_rating", EventStream.FEEDBACK, "FeedbackDtos.LowRating");

    private static final Map<String, EventType> BY_WIRE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::wire, Function.identity()));

    private final String wire;
    private final EventStream stream;
    private final String payload;

    EventType(String wire, EventStream stream, String payload) {
        this.wire = wire;
        this.stream = stream;
        this.payload = payload;
    }

    /** The envelope's {@code type}, e.g. {@code order.created}. */
    public String wire() {
        return wire;
    }

    public EventStream stream() {
        return stream;
    }

    /**
     * The record the producer ({@code stream().producer()}) sends as {@code data}: its simple name, with
     * the enclosing class for a nested one ({@code ServiceRequests.Requested}).
     */
    public String payload() {
        return payload;
    }

    /** Whether {@code data} is this event's payload record. */
    public boolean carries(Object data) {
        String name = data == null ? null : data.getClass().getCanonicalName();
        return name != null && (name.equals(payload) || name.endsWith("." + payload));
    }

    /** {@code order.created} for restaurant r is published as {@code order.<r>.created}. */
    public String routingKey(UUID restaurantId) {
        int dot = wire.indexOf('.');
        return wire.substring(0, dot) + "." + restaurantId + wire.substring(dot);
    }

    /** The catalogue's event of that wire type; empty for a type this build does not know. */
    public static Optional<EventType> ofWire(String wire) {
        return Optional.ofNullable(wire == null ? null : BY_WIRE.get(wire));
    }
}
