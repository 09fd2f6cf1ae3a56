package io.tavola.customers.feedback;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tavola.common.tenancy.TenantFilter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Filter;

@Entity
@Filter(name = TenantFilter.NAME)
@Table(name = "feedback")
public class Feedback extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "restaurant_id")
    public UUID restaurantId;

    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "customer_id")
    public UUID customerId;

    @Column(name = "guest_subject")
    public UUID guestSubject;

    public short rating;

    public String comment;

    @Column(name = "created_at")
    public Instant createdAt;
}
