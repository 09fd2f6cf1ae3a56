package io.tavola.restaurant.image;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tavola.common.tenancy.TenantFilter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Filter;

/** An uploaded menu-item picture or restaurant logo; immutable once stored. */
@Entity
@Filter(name = TenantFilter.NAME)
@Table(name = "images")
public class Image extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "restaurant_id", nullable = false)
    public UUID restaurantId;

    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(name = "size_bytes", nullable = false)
    public int sizeBytes;

    @Column(nullable = false)
    public String sha256;

    @Column(nullable = false)
    public byte[] bytes;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
