package io.tavola.orders.order;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tavola.common.tenancy.TenantFilter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Filter;

/** An order ("order" is an SQL keyword, hence the table name). */
@Entity
@Filter(name = TenantFilter.NAME)
@Table(name = "customer_order")
public class CustomerOrder extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "restaurant_id")
    public UUID restaurantId;
    @Column(name = "session_id")
    public UUID sessionId;
    @Column(name = "table_id")
    public UUID tableId;
    @Column(name = "table_label")
    public String tableLabel;
    @Column(name = "customer_id")
    public UUID customerId;
    @Column(name = "placed_by")
    public UUID placedBy;
    @Column(name = "placed_by_role")
    public String placedByRole;
    public String type;
    @Enumerated(EnumType.STRING)
    public OrderStatus status;
    public String currency;
    @Column(name = "total_amount")
    public BigDecimal totalAmount;
    public String note;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "confirmed_at")
    public Instant confirmedAt;
    @Column(name = "preparing_at")
    public Instant preparingAt;
    @Column(name = "ready_at")
    public Instant readyAt;
    @Column(name = "served_at")
    public Instant servedAt;
    @Column(name = "completed_at")
    public Instant completedAt;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    /** Moves to {@code next} at {@code at}, stamping the time the kitchen and analytics need. */
    void moveTo(OrderStatus next, Instant at) {
        status = next;
        updatedAt = at;
        switch (next) {
            case CONFIRMED -> confirmedAt = at;
            case PREPARING -> preparingAt = at;
            case READY -> readyAt = at;
            case SERVED -> servedAt = at;
            case COMPLETED -> completedAt = at;
            case CANCELLED -> cancelledAt = at;
            case PENDING -> { }
        }
    }
}
