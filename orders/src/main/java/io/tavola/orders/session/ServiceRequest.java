package io.tavola.orders.session;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tavola.common.tenancy.TenantFilter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Filter;

/** A diner calling the waiter or asking for the bill. */
@Entity
@Filter(name = TenantFilter.NAME)
@Table(name = "service_request")
public class ServiceRequest extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "restaurant_id")
    public UUID restaurantId;
    @Column(name = "session_id")
    public UUID sessionId;
    @Column(name = "table_id")
    public UUID tableId;
    public String kind;
    @Column(name = "requested_by")
    public UUID requestedBy;
    @Column(name = "requested_at")
    public Instant requestedAt;
}
