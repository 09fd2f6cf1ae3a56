package io.tavola.customers.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tavola.common.tenancy.TenantScope;
import io.tavola.customers.loyalty.LoyaltyService;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Applies {@code order.*} events to the order history and loyalty, exactly once per event_id: the
 * processed-event row, the history upsert and any points are one transaction. A message that cannot
 * be read is rejected to the dead-letter queue; consumption goes on. Counted in
 * {@code tavola_events_consumed_total} and {@code tavola_events_dead_lettered_total} (tag {@code consumer}).
 */
@ApplicationScoped
public class OrderEventConsumer {

    private static final Logger LOG = Logger.getLogger(OrderEventConsumer.class);

    @Inject
    ObjectMapper json;

    @Inject
    LoyaltyService loyalty;

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
            event = parse(message.getPayload());
        } catch (Exception e) {
            LOG.warnf("Unreadable order event sent to the dead-letter queue: %s", e.getMessage());
            deadLettered.increment();
            return Uni.createFrom().completionStage(message.nack(e));
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

    record OrderEvent(UUID eventId, String type, UUID restaurantId, UUID orderId, UUID customerId, UUID sessionId,
            UUID tableId, String status, BigDecimal total, String currency, String summary, int itemCount,
            Instant orderedAt, Instant updatedAt) {}

    Uni<Void> apply(OrderEvent event) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "insert into customers.processed_events (event_id, processed_at) values (:id, now()) on conflict do nothing")
                .setParameter("id", event.eventId()).executeUpdate())
                .chain(inserted -> {
                    if (inserted == 0) {
                        LOG.debugf("Event %s already applied", event.eventId());
                        return Uni.createFrom().voidItem();
                    }
                    return upsert(event).chain(order -> loyalty.earnIfCompleted(order));
                });
    }

    private Uni<OrderHistory> upsert(OrderEvent event) {
        return OrderHistory.<OrderHistory>findById(event.orderId()).chain(existing -> {
            OrderHistory order = existing != null ? existing : new OrderHistory();
            // Events can arrive out of order after a redelivery: never let an older snapshot win.
            if (existing != null && existing.updatedAt != null && event.updatedAt().isBefore(existing.updatedAt)) {
                return Uni.createFrom().item(existing);
            }
            order.orderId = event.orderId();
            order.restaurantId = event.restaurantId();
            order.customerId = event.customerId();
            order.sessionId = event.sessionId();
            order.tableId = event.tableId();
            order.status = event.status();
            order.totalAmount = event.total();
            order.currency = event.currency();
            order.summary = event.summary();
            order.itemCount = event.itemCount();
            order.orderedAt = event.orderedAt();
            order.updatedAt = event.updatedAt();
            return existing != null ? Uni.createFrom().item(order) : order.<OrderHistory>persist();
        });
    }

    OrderEvent parse(Object payload) throws Exception {
        byte[] bytes;
        if (payload instanceof byte[] b) {
            bytes = b;
        } else if (payload instanceof Buffer buffer) {
            bytes = buffer.getBytes();
        } else if (payload instanceof JsonObject object) {
            bytes = object.encode().getBytes(StandardCharsets.UTF_8);
        } else {
            bytes = String.valueOf(payload).getBytes(StandardCharsets.UTF_8);
        }
        JsonNode root = json.readTree(bytes);
        JsonNode data = required(root, "data");
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
                UUID.fromString(required(root, "event_id").asText()),
                required(root, "type").asText(),
                UUID.fromString(required(root, "restaurant_id").asText()),
                UUID.fromString(required(data, "id").asText()),
                uuidOrNull(data.path("customer_id")),
                uuidOrNull(data.path("session_id")),
                uuidOrNull(data.path("table_id")),
                required(data, "status").asText(),
                new BigDecimal(required(data, "total_amount").asText()),
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

    private static UUID uuidOrNull(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : UUID.fromString(node.asText());
    }
}
