package io.tavola.orders.order;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code Idempotency-Key}s per caller. The key is claimed at the start of the placing transaction;
 * a concurrent retry's claim waits for the first transaction and then finds the key taken.
 */
final class IdempotencyKeys {

    private IdempotencyKeys() {}

    static Uni<UUID> orderFor(UUID callerId, String key) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "select order_id from orders.idempotency_key where caller_id = ?1 and idem_key = ?2", UUID.class)
                .setParameter(1, callerId).setParameter(2, key)
                .getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** Claims the key for {@code orderId}; answers the order the key belongs to (another one if taken). */
    static Uni<UUID> claim(UUID callerId, String key, UUID restaurantId, UUID orderId, Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "insert into orders.idempotency_key (caller_id, idem_key, restaurant_id, order_id, created_at) "
                        + "values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                .setParameter(1, callerId).setParameter(2, key).setParameter(3, restaurantId)
                .setParameter(4, orderId).setParameter(5, at)
                .executeUpdate())
                .chain(inserted -> inserted == 1 ? Uni.createFrom().item(orderId) : orderFor(callerId, key));
    }
}
