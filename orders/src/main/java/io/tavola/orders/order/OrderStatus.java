package io.tavola.orders.order;

import java.util.EnumSet;
import java.util.Set;

/**
 * DESIGN.md's order status flow: PENDING -> CONFIRMED -> PREPARING -> READY -> SERVED -> COMPLETED,
 * plus CANCELLED from PENDING or CONFIRMED. Nothing else.
 */
public enum OrderStatus {
    PENDING, CONFIRMED, PREPARING, READY, SERVED, COMPLETED, CANCELLED;

    /** The kitchen board: orders still to be cooked or carried out. */
    public static final Set<OrderStatus> ACTIVE = EnumSet.of(PENDING, CONFIRMED, PREPARING, READY);

    public boolean canMoveTo(OrderStatus next) {
        return switch (this) {
            case PENDING -> next == CONFIRMED || next == CANCELLED;
            case CONFIRMED -> next == PREPARING || next == CANCELLED;
            case PREPARING -> next == READY;
            case READY -> next == SERVED;
            case SERVED -> next == COMPLETED;
            case COMPLETED, CANCELLED -> false;
        };
    }
}
