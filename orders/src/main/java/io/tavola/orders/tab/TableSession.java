package io.tavola.orders.tab;

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

/**
 * A table's shared tab; at most one {@code open} per table (a partial unique index). Its total is kept
 * on the row, changed in the transaction of each order placed or cancelled, so reading or announcing a
 * session never re-sums its orders.
 */
@Entity
@Filter(name = TenantFilter.NAME)
@Table(name = "table_session")
public class TableSession extends PanacheEntityBase {

    public static final String OPEN = "open";
    public static final String COMPLETED = "completed";
    public static final String CANCELLED = "cancelled";

    @Id
    public UUID id;
    @Column(name = "restaurant_id")
    public UUID restaurantId;
    @Column(name = "table_id")
    public UUID tableId;
    @Column(name = "table_label")
    public String tableLabel;
    public String status;
    public String currency;
    /** Every order of the session that was not cancelled. */
    @Column(name = "total_amount")
    public BigDecimal totalAmount;
    @Column(name = "opened_by")
    public UUID openedBy;
    @Column(name = "opened_at")
    public Instant openedAt;
    @Column(name = "closed_at")
    public Instant closedAt;
}
