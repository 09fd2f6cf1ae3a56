package io.tavola.orders.restaurant;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tavola.common.menu.Quote;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps what the restaurant service last told us about a restaurant (currency, time zone, service
 * request cooldown), as the orders placed there were priced, for the parts of this service that need no
 * price. An order writes it only when it differs from what this process last committed (once per
 * restaurant and change, not once per order); another replica's write of a newer profile is followed by
 * this one's as soon as its own orders see that profile too.
 */
public final class RestaurantProfiles {

    public record Profile(String currency, ZoneId timeZone, int serviceRequestCooldownSeconds) {}

    private record Written(String currency, String timeZone, int serviceRequestCooldownSeconds) {

        static Written of(Quote.Restaurant restaurant) {
            return new Written(restaurant.currency(), restaurant.timeZone() == null ? "UTC" : restaurant.timeZone(),
                    restaurant.serviceRequestCooldownSeconds());
        }
    }

    private static final int MAX_REMEMBERED = 10_000;
    private static final Map<UUID, Written> COMMITTED = new ConcurrentHashMap<>();

    private RestaurantProfiles() {}

    /** Call inside a transaction; {@link #committed} after it. */
    public static Uni<Void> remember(UUID restaurantId, Quote.Restaurant restaurant, Instant at) {
        if (Written.of(restaurant).equals(COMMITTED.get(restaurantId))) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "insert into orders.restaurant_profile (restaurant_id, currency, time_zone, service_request_cooldown_seconds, updated_at) "
                        + "values (?1, ?2, ?3, ?4, ?5) on conflict (restaurant_id) do update set currency = excluded.currency, "
                        + "time_zone = excluded.time_zone, "
                        + "service_request_cooldown_seconds = excluded.service_request_cooldown_seconds, "
                        + "updated_at = excluded.updated_at")
                .setParameter(1, restaurantId).setParameter(2, restaurant.currency())
                .setParameter(3, restaurant.timeZone() == null ? "UTC" : restaurant.timeZone())
                .setParameter(4, restaurant.serviceRequestCooldownSeconds()).setParameter(5, at)
                .executeUpdate()).replaceWithVoid();
    }

    /** The transaction that remembered the profile committed: the next order need not write it again. */
    public static void committed(UUID restaurantId, Quote.Restaurant restaurant) {
        if (COMMITTED.size() >= MAX_REMEMBERED && !COMMITTED.containsKey(restaurantId)) {
            COMMITTED.clear();
        }
        COMMITTED.put(restaurantId, Written.of(restaurant));
    }

    /** The last known profile, or null when no order was ever quoted for the restaurant. */
    public static Uni<Profile> find(UUID restaurantId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "select currency, time_zone, service_request_cooldown_seconds from orders.restaurant_profile where restaurant_id = ?1",
                Object[].class)
                .setParameter(1, restaurantId)
                .getResultList())
                .map(rows -> {
                    if (rows.isEmpty()) {
                        return null;
                    }
                    Object[] row = rows.get(0);
                    return new Profile((String) row[0], zone((String) row[1]), ((Number) row[2]).intValue());
                });
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
