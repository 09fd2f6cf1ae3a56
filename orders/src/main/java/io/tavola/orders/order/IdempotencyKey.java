package io.tavola.orders.order;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tavola.common.tenancy.TenantFilter;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.Filter;

/**
 * A claimed {@code Idempotency-Key} (see {@link IdempotencyKeys}): claimed by a native upsert, read by
 * its primary key, which Hibernate Reactive answers without a query plan (its native selects never reuse
 * theirs, issue 15).
 */
@Entity
@Filter(name = TenantFilter.NAME)
@Table(name = "idempotency_key")
@IdClass(IdempotencyKey.Key.class)
public class IdempotencyKey extends PanacheEntityBase {

    /** The primary key: a key is the caller's own. */
    public static class Key implements Serializable {
        public UUID callerId;
        public String idemKey;

        public Key() {}

        public Key(UUID callerId, String idemKey) {
            this.callerId = callerId;
            this.idemKey = idemKey;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(callerId, key.callerId)
                    && Objects.equals(idemKey, key.idemKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(callerId, idemKey);
        }
    }

    @Id
    @Column(name = "caller_id")
    public UUID callerId;
    @Id
    @Column(name = "idem_key")
    public String idemKey;
    @Column(name = "restaurant_id")
    public UUID restaurantId;
    @Column(name = "order_id")
    public UUID orderId;
    @Column(name = "created_at")
    public Instant createdAt;
    /** Null for keys claimed before hashes were kept. */
    @Column(name = "request_hash")
    public String requestHash;
}
