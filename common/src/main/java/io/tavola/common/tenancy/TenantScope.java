package io.tavola.common.tenancy;

import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Which restaurants' rows the current unit of work may read: one restaurant, every restaurant, or none.
 * It lives on the Vert.x duplicated context of that unit of work (an HTTP request, one consumed event),
 * where {@link TenantFilter} reads it for every query of every tenant-owned entity. A request starts with
 * its verified caller's default ({@code security.TenantScopeFilter}); {@code Caller.staffScope} and internal code
 * (a consumer naming the event's restaurant, a public read naming the restaurant in its path) narrow it.
 */
public final class TenantScope {

    /** Every restaurant: a master admin, a customer's own rows, a lookup by a globally unique secret. */
    public static final TenantScope ALL = new TenantScope(null, true);
    /** No restaurant: a caller who belongs to none (a customer) until the code says what it may read. */
    public static final TenantScope NONE = new TenantScope(null, false);

    private static final String KEY = TenantScope.class.getName();

    private final UUID restaurantId;
    private final boolean allRestaurants;

    private TenantScope(UUID restaurantId, boolean allRestaurants) {
        this.restaurantId = restaurantId;
        this.allRestaurants = allRestaurants;
    }

    public static TenantScope of(UUID restaurantId) {
        return new TenantScope(Objects.requireNonNull(restaurantId, "restaurantId"), false);
    }

    /** The one restaurant of this scope; empty for {@link #ALL} and {@link #NONE}. */
    public Optional<UUID> restaurantId() {
        return Optional.ofNullable(restaurantId);
    }

    public boolean allRestaurants() {
        return allRestaurants;
    }

    /** Sets the scope of the current unit of work; outside a duplicated Vert.x context that is a bug. */
    public static void set(TenantScope scope) {
        Objects.requireNonNull(scope, "scope");
        context().putLocal(KEY, scope);
    }

    /** The scope of the current unit of work, if anything set one. */
    public static Optional<TenantScope> current() {
        Context context = Vertx.currentContext();
        if (context == null || !VertxContext.isDuplicatedContext(context)) {
            return Optional.empty();
        }
        return Optional.ofNullable(context.getLocal(KEY));
    }

    /**
     * Runs {@code work} in {@code scope} and puts the previous scope back afterwards: how an event consumer
     * or a job says which restaurant it works for (there is no caller to take it from).
     */
    public static <T> Uni<T> within(TenantScope scope, Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            Context context = context();
            TenantScope previous = context.getLocal(KEY);
            context.putLocal(KEY, scope);
            return work.get().eventually(() -> {
                if (previous == null) {
                    context.removeLocal(KEY);
                } else {
                    context.putLocal(KEY, previous);
                }
            });
        });
    }

    private static Context context() {
        Context context = Vertx.currentContext();
        if (context == null || !VertxContext.isDuplicatedContext(context)) {
            throw new IllegalStateException("A tenant scope belongs to a request or an event: set it on its "
                    + "duplicated Vert.x context (this thread has none)");
        }
        return context;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TenantScope s && s.allRestaurants == allRestaurants
                && Objects.equals(s.restaurantId, restaurantId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(restaurantId, allRestaurants);
    }

    @Override
    public String toString() {
        if (allRestaurants) {
            return "all restaurants";
        }
        return restaurantId == null ? "no restaurant" : "restaurant " + restaurantId;
    }
}
