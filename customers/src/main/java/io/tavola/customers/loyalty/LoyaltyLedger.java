package io.tavola.customers.loyalty;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.tavola.customers.loyalty.LoyaltyDtos.LedgerLine;
import io.tavola.customers.loyalty.LoyaltyDtos.LoyaltyView;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Points: earned by completed orders, read by their customer; each restaurant's earning rate. */
@ApplicationScoped
public class LoyaltyLedger {

    public static final BigDecimal DEFAULT_RATE = BigDecimal.ONE;
    static final String ORDER_COMPLETED = "order_completed";

    /**
     * What loyalty needs of an order (the order history hands it over, so loyalty reads nothing of the
     * history's own rows).
     */
    public record Purchase(UUID orderId, UUID restaurantId, UUID customerId, String status, BigDecimal totalAmount) {}

    /**
     * Points for a customer's order that reached COMPLETED: total × the restaurant's rate, rounded down.
     * The ledger's unique (order, reason) key makes it once per order even if this runs twice. Runs inside
     * the caller's transaction (the order event's).
     */
    public Uni<Void> earnIfCompleted(Purchase order) {
        if (order.customerId() == null || !"COMPLETED".equals(order.status())) {
            return Uni.createFrom().voidItem();
        }
        return currentRate(order.restaurantId()).chain(rate -> {
            int points = order.totalAmount().multiply(rate).setScale(0, RoundingMode.DOWN).intValueExact();
            return LoyaltyEntry.getSession().chain(session -> session.createNativeQuery(
                    "insert into customers.loyalty_ledger (id, customer_id, restaurant_id, order_id, points, reason, created_at)"
                            + " values (:id, :customer, :restaurant, :order, :points, :reason, :at)"
                            + " on conflict (order_id, reason) do nothing")
                    .setParameter("id", UUID.randomUUID())
                    .setParameter("customer", order.customerId())
                    .setParameter("restaurant", order.restaurantId())
                    .setParameter("order", order.orderId())
                    .setParameter("points", points)
                    .setParameter("reason", ORDER_COMPLETED)
                    .setParameter("at", Instant.now())
                    .executeUpdate());
        }).replaceWithVoid();
    }

    /** A customer's points in the current scope: balance in all, per restaurant, and the ledger newest first. */
    public Uni<LoyaltyView> pointsOf(UUID customerId) {
        return Panache.withSession(() -> LoyaltyEntry.<LoyaltyEntry>find("customerId", Sort.descending("createdAt"),
                customerId).list())
                .map(entries -> {
                    Map<UUID, Long> perRestaurant = new TreeMap<>();
                    long balance = 0;
                    for (LoyaltyEntry e : entries) {
                        balance += e.points;
                        perRestaurant.merge(e.restaurantId, (long) e.points, Long::sum);
                    }
                    return new LoyaltyView(balance, perRestaurant, entries.stream().map(e -> new LedgerLine(
                            e.restaurantId, e.orderId, e.points, e.reason, e.createdAt)).toList());
                });
    }

    /** The restaurant's points per currency unit ({@link #DEFAULT_RATE} until its admin sets one). */
    public Uni<BigDecimal> rate(UUID restaurantId) {
        return Panache.withSession(() -> currentRate(restaurantId));
    }

    public Uni<BigDecimal> setRate(UUID restaurantId, BigDecimal pointsPerUnit) {
        return Panache.withTransaction(() -> LoyaltySettings.<LoyaltySettings>findById(restaurantId).chain(found -> {
            LoyaltySettings settings = found != null ? found : new LoyaltySettings();
            settings.restaurantId = restaurantId;
            settings.pointsPerUnit = pointsPerUnit;
            settings.updatedAt = Instant.now();
            return (found != null ? Uni.createFrom().item(settings) : settings.<LoyaltySettings>persist())
                    .map(saved -> saved.pointsPerUnit);
        }));
    }

    private static Uni<BigDecimal> currentRate(UUID restaurantId) {
        return LoyaltySettings.<LoyaltySettings>findById(restaurantId)
                .map(settings -> settings == null ? DEFAULT_RATE : settings.pointsPerUnit);
    }
}
