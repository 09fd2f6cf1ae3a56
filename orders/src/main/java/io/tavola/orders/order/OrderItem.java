package io.tavola.orders.order;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tavola.common.tenancy.TenantFilter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;
import org.hibernate.annotations.Filter;

/** One line of an order, priced from the restaurant's quote (unit price includes the modifiers). */
@Entity
@Filter(name = TenantFilter.NAME)
@Table(name = "order_item")
public class OrderItem extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "order_id")
    public UUID orderId;
    @Column(name = "restaurant_id")
    public UUID restaurantId;
    public int position;
    @Column(name = "menu_item_id")
    public UUID menuItemId;
    public String name;
    public int quantity;
    @Column(name = "unit_price")
    public BigDecimal unitPrice;
    /** The chosen modifiers as a JSON array: [{"option_id", "name", "price_delta"}]. */
    public String modifiers;
    public String note;
    @Column(name = "line_total")
    public BigDecimal lineTotal;
}
