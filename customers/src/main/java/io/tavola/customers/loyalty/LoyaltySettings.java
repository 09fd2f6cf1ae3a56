package io.tavola.customers.loyalty;

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

/** A restaurant's earning rate; restaurants without a row earn {@link LoyaltyLedger#DEFAULT_RATE}. */
@Entity
@Filter(name = TenantFilter.NAME)
@Table(name = "loyalty_settings")
public class LoyaltySettings extends PanacheEntityBase {

    @Id
    @Column(name = "restaurant_id")
    public UUID restaurantId;

    @Column(name = "points_per_unit")
    public BigDecimal pointsPerUnit;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
