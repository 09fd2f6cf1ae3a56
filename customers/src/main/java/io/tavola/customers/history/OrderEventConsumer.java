package io.tavola.customers.history;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tavola.common.event.EventEnvelope;
import io.tavola.common.event.EventEnvelopes;
import io.tavola.common.event.EventType;
import io.tavola.common.tenancy.TenantScope;
import io.tavola.customers.loyalty.LoyaltyLedger;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Applies the order events of the catalogue ({@code order.created}, {@code order.status_changed},
 * {@code order.cancelled}) to the order history and loyalty, exactly once per event_id: the
 * processed-event row, the history upsert and any points are one transaction. A message that is not an
 * envelope (common's {@link EventEnvelopes}), is of a type this build does not know, or lacks an order's
 * fields is rejected to the dead-letter queue; consumption goes on. Counted in
 * {@code tavola_events_consumed_total} and {@code tavola_events_dead_lettered_total} (tag {@code consumer}).
 */
@ApplicationScoped
public class OrderEventConsumer {

    private static final Logger LOG = Logger.getLogger(OrderEventConsumer.class);

    @Inject
    LoyaltyLedger loyalty;

    @Inject
    MeterRegistry registry;

    private Counter consumed;
    private Counter deadLettered;

    @PostConstruct
    void registerMeters() {
        consumed = registry.counter("tavola.events.consumed", "consumer", "customers-orders");
        deadLettered = registry.counter("tavola.events.dead.lettered", "consumer", "customers-orders");
    }

    @Incoming("order-events")
    public Uni<Void> consume(Message<?> message) {
        OrderEvent event;
        try {
            event = orderEvent(read(message.getPayload()));
        } catch (RuntimeException e) {
            LOG.warnf("Unreadable order event sent to the dead-letter queue: %s", e.getMessage());
            deadLettered.increment();
            return Uni.createFrom().completionStage(message.nack(e));
        }
        if (event == null) {
            return Uni.createFrom().completionStage(message.ack());
        }
        // no caller: the event's restaurant is the scope its rows are read and written in
        return TenantScope.within(TenantScope.of(event.restaurantId()),
                        () -> Panache.withTransaction(() -> apply(event)))
                .onItem().transformToUni(ignored -> Uni.createFrom().completionStage(message.ack()))
                .invoke(() -> consumed.increment())
                .onFailure().recoverWithUni(e -> {
                    LOG.errorf(e, "Order event %s could not be applied; dead-lettered", event.eventId());
                    deadLettered.increment();
                    return Uni.createFrom().completionStage(message.nack(e));
                });
    }

    /** The connector hands over bytes (its content type is overridden to octet-stream). */
    private static EventEnvelope read(Object payload) {
        return payload instanceof byte[] bytes ? EventEnvelopes.read(bytes) : EventEnvelopes.read(String.valueOf(payload));
    }

    record OrderEvent(UUID eventId, UUID restaurantId, UUID orderId, UUID customerId, UUID sessionId,
            UUID tableId, String status, BigDecimal total, String currency, String summary, int itemCount,
            Instant orderedAt, Instant updatedAt) {}

    /**
     * One statement: the event is claimed in processed_events and, only if it was new, upserted into the
     * history unless the row holds a newer snapshot (events can arrive out of order after a redelivery).
     * One round trip instead of four, and no entity to load and flush: this was the customers service's
     * CPU per order (issue 15). Points follow only when this event's snapshot was stored; an older one
     * that lost to a newer row earned nothing new, the newer one already did.
     */
    Uni<Void> apply(OrderEvent event) {
        return Panache.getSession().chain(session -> session.createNativeQuery("with claimed as ("
                        + "insert into customers.processed_events (event_id, processed_at) values (:event, now()) "
                        + "on conflict do nothing returning event_id) "
                        + "insert into customers.order_history as h (order_id, restaurant_id, customer_id, session_id, "
                        + "table_id, status, total_amount, currency, summary, item_count, ordered_at, updated_at) "
                        // typed: in a select list PostgreSQL would read a null parameter as text
                        + "select cast(:order as uuid), cast(:restaurant as uuid), cast(:customer as uuid), "
                        + "cast(:session as uuid), cast(:table as uuid), cast(:status as varchar), "
                        + "cast(:total as numeric), cast(:currency as varchar), cast(:summary as varchar), "
                        + "cast(:items as int), cast(:ordered as timestamptz), cast(:updated as timestamptz) from claimed "
                        + "on conflict (order_id) do update set restaurant_id = excluded.restaurant_id, "
                        + "customer_id = excluded.customer_id, session_id = excluded.session_id, "
                        + "table_id = excluded.table_id, status = excluded.status, total_amount = excluded.total_amount, "
                        + "currency = excluded.currency, summary = excluded.summary, item_count = excluded.item_count, "
                        + "ordered_at = excluded.ordered_at, updated_at = excluded.updated_at "
                        + "where h.updated_at <= excluded.updated_at")
                .setParameter("event", event.eventId())
                .setParameter("order", event.orderId())
                .setParameter("restaurant", event.restaurantId())
                .setParameter("customer", event.customerId())
                .setParameter("session", event.sessionId())
                .setParameter("table", event.tableId())
                .setParameter("status", event.status())
                .setParameter("total", event.total())
                .setParameter("currency", event.currency())
                .setParameter("summary", event.summary())
                .setParameter("items", event.itemCount())
                .setParameter("ordered", event.orderedAt())
                .setParameter("updated", event.updatedAt())
                .executeUpdate())
                .chain(stored -> {
                    if (stored == 0) {
                        LOG.debugf("Event %s already applied, or older than the order's history", event.eventId());
                        return Uni.createFrom().voidItem();
                    }
                    return loyalty.earnIfCompleted(new LoyaltyLedger.Purchase(event.orderId(), event.restaurantId(),
                            event.customerId(), event.status(), event.total()));
                });
    }

    /**
     * The order in an order event; null for an event of the catalogue that does not change an order's
     * history. A type outside the catalogue (a newer orders service) is refused, so it waits in the
     * dead-letter queue for a customers service that knows it, rather than being dropped.
     */
    static OrderEvent orderEvent(EventEnvelope envelope) {
        EventType type = envelope.eventType().orElseThrow(
                () -> new IllegalArgumentException("an event type this service does not know: " + envelope.type()));
        return switch (type) {
            case ORDER_CREATED, ORDER_STATUS_CHANGED, ORDER_CANCELLED -> order(envelope);
            case SESSION_OPENED, SESSION_UPDATED, SESSION_CLOSED, SESSION_SERVICE_REQUESTED,
                    MENU_ITEM_AVAILABILITY_CHANGED, MENU_CHANGED, FEEDBACK_LOW_RATING -> null;
        };
    }

    private static OrderEvent order(EventEnvelope envelope) {
        JsonNode data = envelope.data();
        StringBuilder summary = new StringBuilder();
        int count = 0;
        for (JsonNode item : data.path("items")) {
            int quantity = item.path("quantity").asInt(1);
            count += quantity;
            if (summary.length() < 900) {
                summary.append(summary.length() == 0 ? "" : ", ").append(quantity).append("× ")
                        .append(item.path("name").asText("item"));
            }
        }
        Instant created = Instant.parse(required(data, "created_at").asText());
        return new OrderEvent(
                envelope.eventId(),
                envelope.restaurantId(),
                UUID.fromString(required(data, "id").asText()),
                uuidOrNull(data.path("customer_id")),
                uuidOrNull(data.path("session_id")),
                uuidOrNull(data.path("table_id")),
                required(data, "status").asText(),
                number(data, "total_amount"),
                required(data, "currency").asText(),
                summary.toString(),
                count,
                created,
                data.hasNonNull("updated_at") ? Instant.parse(data.get("updated_at").asText()) : created);
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value;
    }

    private static BigDecimal number(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isNumber()) {
            throw new IllegalArgumentException(field + " is not a number");
        }
        return value.decimalValue();
    }

    private static UUID uuidOrNull(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : UUID.fromString(node.asText());
    }
}
