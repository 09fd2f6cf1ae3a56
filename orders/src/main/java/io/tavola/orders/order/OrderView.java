package io.tavola.orders.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order as the API and the {@code order.*} events show it (docs/contracts.md). */
public record OrderView(UUID id, UUID restaurantId, UUID sessionId, UUID tableId, String tableLabel,
        UUID customerId, String type, OrderStatus status, String currency, BigDecimal totalAmount, String note,
        List<Item> items, Instant createdAt, Instant updatedAt, List<StatusStep> statusHistory) {

    public record Item(UUID menuItemId, String name, int quantity, BigDecimal unitPrice, List<Modifier> modifiers,
            String note, BigDecimal lineTotal) {}

    public record Modifier(UUID optionId, String name, BigDecimal priceDelta) {}

    public record StatusStep(OrderStatus from, OrderStatus to, Instant at, UUID by, String byRole) {}
}
