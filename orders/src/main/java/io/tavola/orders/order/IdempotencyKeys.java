package io.tavola.orders.order;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tavola.common.error.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code Idempotency-Key}s per caller, each with the hash of the request it came with. The key is claimed
 * at the start of the placing transaction; a concurrent retry's claim waits for the first transaction and
 * then finds the key taken. The same key with a different request is the client's mistake: 422.
 */
final class IdempotencyKeys {

    private IdempotencyKeys() {}

    /** The order a key already belongs to (null when the key is new); 422 when it came with another request. */
    static Uni<UUID> orderFor(UUID callerId, String key, String requestHash) {
        return Panache.getSession().chain(session -> session.find(IdempotencyKey.class,
                        new IdempotencyKey.Key(callerId, key)))
                .map(found -> found == null ? null : sameRequest(found, requestHash));
    }

    /** Claims the key for {@code orderId}; answers the order the key belongs to (another one if taken). */
    static Uni<UUID> claim(UUID callerId, String key, String requestHash, UUID restaurantId, UUID orderId,
            Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "insert into orders.idempotency_key (caller_id, idem_key, restaurant_id, order_id, created_at, request_hash) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing")
                .setParameter(1, callerId).setParameter(2, key).setParameter(3, restaurantId)
                .setParameter(4, orderId).setParameter(5, at).setParameter(6, requestHash)
                .executeUpdate())
                .chain(inserted -> inserted == 1 ? Uni.createFrom().item(orderId)
                        : orderFor(callerId, key, requestHash));
    }

    private static UUID sameRequest(IdempotencyKey found, String requestHash) {
        if (found.requestHash != null && !found.requestHash.isEmpty() && !found.requestHash.equals(requestHash)) {
            throw new ApiException(422, "idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key came with a different order before; send a new key for a new order",
                    List.of(), Map.of());
        }
        return found.orderId;
    }
}
