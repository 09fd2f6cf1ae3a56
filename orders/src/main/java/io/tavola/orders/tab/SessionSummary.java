package io.tavola.orders.tab;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A session without its orders: the {@code data} of the {@code session.*} events (docs/contracts.md). */
public record SessionSummary(UUID id, UUID restaurantId, UUID tableId, String tableLabel, String status,
        Instant openedAt, Instant closedAt, BigDecimal totalAmount, String currency) {

    public static SessionSummary of(TableSession s) {
        return new SessionSummary(s.id, s.restaurantId, s.tableId, s.tableLabel, s.status, s.openedAt, s.closedAt,
                s.totalAmount, s.currency);
    }
}
