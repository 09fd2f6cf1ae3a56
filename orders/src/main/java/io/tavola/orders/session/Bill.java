package io.tavola.orders.session;

import io.tavola.orders.order.OrderView;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A session's bill: every line of its orders that were not cancelled, the same lines with identical ones
 * put together, the tip, and the split. Parts always add up to the total to the cent.
 */
public record Bill(UUID sessionId, UUID tableId, String tableLabel, String status, String currency,
        List<Line> lines, List<GroupedLine> groupedLines, BigDecimal subtotal, BigDecimal tip, BigDecimal total,
        Split split) {

    /** One ordered item, in order and item order; {@code dinerId} is who placed its order. */
    public record Line(UUID orderId, UUID dinerId, UUID menuItemId, String name, int quantity, BigDecimal unitPrice,
            List<OrderView.Modifier> modifiers, BigDecimal lineTotal) {}

    /** The lines of one dish (same item, same options, same unit price), their quantities added up. */
    public record GroupedLine(UUID menuItemId, String name, List<OrderView.Modifier> modifiers, int quantity,
            BigDecimal unitPrice, BigDecimal lineTotal) {}

    /** {@code mode} is {@code none}, {@code equal} (N parts) or {@code items} (one part per diner). */
    public record Split(String mode, List<Part> parts) {}

    /**
     * {@code dinerId} and {@code name} (the first name that diner gave the table, or null) are set for a
     * split by items; {@code subtotal} and {@code tip} make up {@code amount}.
     */
    public record Part(int part, UUID dinerId, String name, BigDecimal subtotal, BigDecimal tip, BigDecimal amount) {

        Part named(String given) {
            return new Part(part, dinerId, given, subtotal, tip, amount);
        }
    }
}
