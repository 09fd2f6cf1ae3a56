package io.tavola.customers.loyalty;

import io.smallrye.mutiny.Uni;
import io.tavola.customers.history.OrderHistory;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class LoyaltyService {

    public static final BigDecimal DEFAULT_RATE = BigDecimal.ONE;
    static final String ORDER_COMPLETED = "order_completed";

    /**
     * Points for a customer's order that reached COMPLETED: total × the restaurant's rate, rounded down.
     * The ledger's unique (order, reason) key makes it once per order even if this runs twice.
     */
    public Uni<Void> earnIfCompleted(OrderHistory order) {
        if (order.customerId == null || !"COMPLETED".equals(order.status)) {
            return Uni.createFrom().voidItem();
        }
        return rate(order.restaurantId).chain(rate -> {
            int points = order.totalAmount.multiply(rate).setScale(0, RoundingMode.DOWN).intValueExact();
            return LoyaltyEntry.getSession().chain(session -> session.createNativeQuery(
                    "insert into customers.loyalty_ledger (id, customer_id, restaurant_id, order_id, points, reason, created_at)"
                            + " values (:id, :customer, :restaurant, :order, :points, :reason, :at)"
                            + " on conflict (order_id, reason) do nothing")
                    .setParameter("id", UUID.randomUUID())
                    .setParameter("customer", order.customerId)
                    .setParameter("restaurant", order.restaurantId)
                    .setParameter("order", order.orderId)
                    .setParameter("points", points)
                    .setParameter("reason", ORDER_COMPLETED)
                    .setParameter("at", Instant.now())
                    .executeUpdate());
        }).replaceWithVoid();
    }

    public Uni<BigDecimal> rate(UUID restaurantId) {
        return LoyaltySettings.<LoyaltySettings>findById(restaurantId)
                .map(settings -> settings == null ? DEFAULT_RATE : settings.pointsPerUnit);
    }
}
