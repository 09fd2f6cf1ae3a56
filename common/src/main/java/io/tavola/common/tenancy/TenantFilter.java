package io.tavola.common.tenancy;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * The data layer's side of tenancy: a Hibernate filter (declared once, in this package's
 * {@code package-info}) that every tenant-owned entity carries with {@code @Filter(name = TenantFilter.NAME)}.
 * It is auto-enabled in every session and also applies to loads by id, and Hibernate asks its two
 * resolvers for the arguments at each query, so every query, {@code find(id)} included, reads only the
 * rows of the current {@link TenantScope} without the query saying so. Native SQL is not filtered: it
 * names the restaurant itself. A query of a tenant-owned entity outside any scope fails loudly.
 */
public final class TenantFilter {

    public static final String NAME = "tenant";
    static final String RESTAURANT = "tenantRestaurant";
    static final String UNRESTRICTED = "tenantUnrestricted";
    /** The default condition, on the {@code restaurant_id} column every tenant-owned table has. */
    static final String CONDITION = "(:" + UNRESTRICTED + " or restaurant_id = :" + RESTAURANT + ")";
    /** The condition for the restaurants table itself, whose id is the tenant. */
    public static final String RESTAURANT_ROW = "(:" + UNRESTRICTED + " or id = :" + RESTAURANT + ")";

    /** Matches no row: the restaurant argument of {@link TenantScope#NONE} and {@link TenantScope#ALL}. */
    private static final UUID NO_RESTAURANT = new UUID(0, 0);

    private TenantFilter() {}

    static TenantScope required() {
        return TenantScope.current().orElseThrow(() -> new IllegalStateException(
                "Tenant-owned rows were queried outside any tenant scope: a request gets its caller's, "
                        + "internal code names one with TenantScope.within(...)"));
    }

    /** The restaurant argument: the scope's restaurant, else one that matches nothing. */
    public static final class Restaurant implements Supplier<UUID> {
        @Override
        public UUID get() {
            return required().restaurantId().orElse(NO_RESTAURANT);
        }
    }

    /** True only for {@link TenantScope#ALL}: then the condition holds for every row. */
    public static final class Unrestricted implements Supplier<Boolean> {
        @Override
        public Boolean get() {
            return required().allRestaurants();
        }
    }
}
