package io.tavola.orders.order;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tavola.common.tenancy.TenantFilter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Filter;

/** One step of an order's status history: who moved it from what to what, and when. */
@Entity
@Filter(name = TenantFilter.NAME)
@Table(name = "order_status_change")
public class OrderStatusChange extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "order_id")
    public UUID orderId;
    @Column(name = "restaurant_id")
    public UUID restaurantId;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public OrderStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public OrderStatus toStatus;
    @Column(name = "changed_at")
    public Instant changedAt;
    @Column(name = "changed_by")
    public UUID changedBy;
    @Column(name = "changed_by_role")
    public String changedByRole;

    static OrderStatusChange of(CustomerOrder order, OrderStatus from, OrderStatus to, UUID by, String byRole,
            Instant at) {
        OrderStatusChange change = new OrderStatusChange();
        change.id = UUID.randomUUID();
        change.orderId = order.id;
        change.restaurantId = order.restaurantId;
        change.fromStatus = from;
        change.toStatus = to;
        change.changedAt = at;
        change.changedBy = by;
        change.changedByRole = byRole;
        return change;
    }
}
