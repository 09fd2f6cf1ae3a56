package io.tavola.restaurant.menu;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tavola.common.tenancy.TenantFilter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;
import org.hibernate.annotations.Filter;

/** One option of a modifier group ("Large", +2.00). */
@Entity
@Filter(name = TenantFilter.NAME)
@Table(name = "modifier_options")
public class ModifierOption extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "restaurant_id", nullable = false)
    public UUID restaurantId;

    @Column(name = "group_id", nullable = false)
    public UUID groupId;

    @Column(nullable = false)
    public String name;

    @Column(name = "price_delta", nullable = false, precision = 12, scale = 2)
    public BigDecimal priceDelta;

    @Column(name = "display_order", nullable = false)
    public int displayOrder;
}
