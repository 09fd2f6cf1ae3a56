package io.tavola.customers.history;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tavola.common.tenancy.TenantFilter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Filter;

/** This service's copy of an order, kept current from the orders exchange. */
@Entity
@Filter(name = TenantFilter.NAME)
@Table(name = "order_history")
public class OrderHistory extends PanacheEntityBase {

    @Id
    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "restaurant_id")
    public UUID restaurantId;

    @Column(name = "customer_id")
    public UUID customerId;

    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "table_id")
    public UUID tableId;

    public String status;

    @Column(name = "total_amount")
    public BigDecimal totalAmount;

    public String currency;

    public String summary;

    @Column(name = "item_count")
    public int itemCount;

    @Column(name = "ordered_at")
    public Instant orderedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean rateable() {
        return "SERVED".equals(status) || "COMPLETED".equals(status);
    }
}
