package io.tavola.restaurant.restaurant;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tavola.common.tenancy.TenantFilter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Filter;

/** A tenant: its identity, how it sells (currency, time zone) and how guest ordering behaves. */
@Entity
// the tenant itself: a caller reads its own restaurant's row (docs/architecture.md, "Tenancy")
@Filter(name = TenantFilter.NAME, condition = TenantFilter.RESTAURANT_ROW)
@Table(name = "restaurants")
public class Restaurant extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    public String address;
    public String phone;
    public String email;
    public String description;

    @Column(name = "logo_image_id")
    public UUID logoImageId;

    @Column(nullable = false)
    public String currency;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "is_active", nullable = false)
    public boolean active;

    @Column(name = "subscription_plan", nullable = false)
    public String subscriptionPlan;

    @Column(name = "subscription_status", nullable = false)
    public String subscriptionStatus;

    @Column(name = "order_confirmation_required", nullable = false)
    public boolean orderConfirmationRequired;

    @Column(name = "service_request_cooldown_seconds", nullable = false)
    public int serviceRequestCooldownSeconds;

    /** A kitchen ticket this many minutes old turns amber... */
    @Column(name = "kitchen_warning_minutes", nullable = false)
    public int kitchenWarningMinutes;

    /** ...and red at this age. */
    @Column(name = "kitchen_late_minutes", nullable = false)
    public int kitchenLateMinutes;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
