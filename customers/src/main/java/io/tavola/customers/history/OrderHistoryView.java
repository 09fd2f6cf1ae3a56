package io.tavola.customers.history;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

public record OrderHistoryView(UUID orderId, UUID restaurantId, String status, BigDecimal totalAmount, String currency,
        String summary, int itemCount, Instant orderedAt, Instant updatedAt) {

    public static OrderHistoryView of(OrderHistory o) {
        return new OrderHistoryView(o.orderId, o.restaurantId, o.status, o.totalAmount, o.currency, o.summary,
                o.itemCount, o.orderedAt, o.updatedAt);
    }
}
