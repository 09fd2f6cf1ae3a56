package io.tavola.orders.session;

import io.tavola.orders.order.OrderView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A table session with who is at the table and its orders, oldest first. */
public record SessionView(UUID id, UUID restaurantId, UUID tableId, String tableLabel, String status,
        Instant openedAt, Instant closedAt, BigDecimal totalAmount, String currency, List<Diner> diners,
        List<OrderView> orders) {

    /** {@code name}: the first name the diner gave the table, or null. */
    public record Diner(UUID userId, String role, Instant joinedAt, String name) {}
}
