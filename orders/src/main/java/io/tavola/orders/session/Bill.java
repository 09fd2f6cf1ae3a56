package io.tavola.orders.session;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A session's bill: every line of its orders that were not cancelled, the tip, and the split.
 * Parts always add up to the total to the cent.
 */
public record Bill(UUID sessionId, UUID tableId, String tableLabel, String status, String currency,
        List<Line> lines, BigDecimal subtotal, BigDecimal tip, BigDecimal total, Split split) {

    public record Line(UUID orderId, UUID dinerId, UUID menuItemId, String name, int quantity, BigDecimal unitPrice,
            BigDecimal lineTotal) {}

    /** {@code mode} is {@code none}, {@code equal} (N parts) or {@code items} (one part per diner). */
    public record Split(String mode, List<Part> parts) {}

    /** {@code dinerId} is set for a split by items; {@code subtotal} and {@code tip} make up {@code amount}. */
    public record Part(int part, UUID dinerId, BigDecimal subtotal, BigDecimal tip, BigDecimal amount) {}
}
