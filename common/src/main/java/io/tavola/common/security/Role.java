package io.tavola.common.security;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** Who a caller is, as carried in the token's {@code groups} claim. */
public enum Role {
    MASTER_ADMIN,
    RESTAURANT_ADMIN,
    CHEF,
    WAITER,
    CUSTOMER,
    GUEST;

    // Names for @RolesAllowed, which needs compile-time constants.
    public static final String MASTER = "master_admin";
    public static final String ADMIN = "restaurant_admin";
    public static final String CHEF_ROLE = "chef";
    public static final String WAITER_ROLE = "waiter";
    public static final String CUSTOMER_ROLE = "customer";
    public static final String GUEST_ROLE = "guest";

    /** The roles of a restaurant's staff, for {@code Caller.staffScope(rid, Role.STAFF)}. */
    public static final Role[] STAFF = { RESTAURANT_ADMIN, CHEF, WAITER };

    @JsonValue
    public String wire() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static Role fromWire(String value) {
        return Arrays.stream(values()).filter(r -> r.wire().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role " + value));
    }

    /**
     * A role named in a query parameter ({@code ?role=chef}): JAX-RS converts enums with {@code fromString},
     * so the API accepts the wire names it emits, and the constant names in any case.
     */
    public static Role fromString(String value) {
        String wire = value == null ? "" : value.trim().toLowerCase(java.util.Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.wire().equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role " + value));
    }

    /** Staff work for one restaurant: its admin, chefs and waiters. */
    public boolean isStaff() {
        return this == RESTAURANT_ADMIN || this == CHEF || this == WAITER;
    }
}
