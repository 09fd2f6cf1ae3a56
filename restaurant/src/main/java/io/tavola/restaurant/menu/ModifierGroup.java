package io.tavola.restaurant.menu;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tavola.common.tenancy.TenantFilter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.Filter;

/** A choice on an item: "Size" (choose exactly 1), "Extras" (up to 3). */
@Entity
@Filter(name = TenantFilter.NAME)
@Table(name = "modifier_groups")
public class ModifierGroup extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "restaurant_id", nullable = false)
    public UUID restaurantId;

    @Column(name = "menu_item_id", nullable = false)
    public UUID menuItemId;

    @Column(nullable = false)
    public String name;

    @Column(name = "min_select", nullable = false)
    public int minSelect;

    @Column(name = "max_select", nullable = false)
    public int maxSelect;

    @Column(name = "display_order", nullable = false)
    public int displayOrder;
}
