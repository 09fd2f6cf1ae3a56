package io.tavola.restaurant.restaurant;

import io.smallrye.mutiny.Uni;
import java.util.UUID;

/**
 * A feature built on restaurants that acts when one changes: the public menu drops its cached copy, the
 * tables end their guests' tokens when the restaurant goes out of service. The features implement this
 * and {@link Restaurants} calls every implementation, so this package imports none of them. (Not a CDI
 * event: an observer cannot hand back a Uni, and this work must join the transaction or the answer.)
 */
public interface RestaurantListener {

    /** Inside the transaction that takes the restaurant out of service. */
    default Uni<Void> closing(UUID restaurantId) {
        return Uni.createFrom().voidItem();
    }

    /**
     * After a change to the restaurant committed, before the caller is answered; {@code closed} when the
     * change set it inactive (also if it already was).
     */
    default Uni<Void> changed(UUID restaurantId, boolean closed) {
        return Uni.createFrom().voidItem();
    }
}
