package io.tavola.restaurant.table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tavola.common.tenancy.TenantFilter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Filter;

/** A table in the dining room, with the secret token its QR code carries. */
@Entity
@Filter(name = TenantFilter.NAME)
@Table(name = "dining_tables")
public class DiningTable extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "restaurant_id", nullable = false)
    public UUID restaurantId;

    @Column(name = "table_number", nullable = false)
    public String tableNumber;

    public String label;

    @Column(nullable = false)
    public int capacity;

    /** available, occupied, reserved or cleaning. */
    @Column(nullable = false)
    public String status;

    public String zone;

    @Column(name = "is_active", nullable = false)
    public boolean active;

    @Column(name = "qr_token", nullable = false)
    public String qrToken;

    /** Bumped by a new code or a deactivation; guest tokens of an older generation are refused. */
    @Column(nullable = false)
    public long generation = 1;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
