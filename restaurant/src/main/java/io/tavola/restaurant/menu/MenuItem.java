package io.tavola.restaurant.menu;

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

/** Something a restaurant sells. Its modifier groups live in their own rows (ModifierGroup). */
@Entity
@Filter(name = TenantFilter.NAME)
@Table(name = "menu_items")
public class MenuItem extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "restaurant_id", nullable = false)
    public UUID restaurantId;

    @Column(name = "category_id", nullable = false)
    public UUID categoryId;

    @Column(nullable = false)
    public String name;

    public String description;

    @Column(nullable = false, precision = 12, scale = 2)
    public BigDecimal price;

    @Column(name = "image_id")
    public UUID imageId;

    @Column(name = "is_available", nullable = false)
    public boolean available;

    @Column(name = "preparation_minutes")
    public Integer preparationMinutes;

    /** Comma-separated words of {@link MenuVocabulary#DIETARY_TAGS}. */
    @Column(name = "dietary_tags", nullable = false)
    public String dietaryTags;

    /** Comma-separated words of {@link MenuVocabulary#ALLERGENS}. */
    @Column(nullable = false)
    public String allergens;

    @Column(name = "display_order", nullable = false)
    public int displayOrder;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
