package io.tavola.common.security;

import io.tavola.common.error.ApiException;
import io.tavola.common.tenancy.TenantScope;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The verified caller of the current request, read from the access token only (never from a
 * client-supplied field). Every service decides tenancy here, in one place: {@link #defaultScope} (where a
 * request reads unless told otherwise), {@link #staffScope} (the restaurant a staff endpoint acts on),
 * {@link #customerScope} and {@link #sees} (rows of a diner); {@link TenantScope} carries the decision
 * to the data layer.
 */
@RequestScoped
public class Caller {

    public static final String RESTAURANT_CLAIM = "restaurant_id";
    public static final String TABLE_CLAIM = "table_id";
    public static final String TABLE_LABEL_CLAIM = "table_label";
    public static final String USERNAME_CLAIM = "username";
    /** The login (refresh token family) an access token was issued for: revoking the family ends it. */
    public static final String FAMILY_CLAIM = "fid";
    /** A guest token's table generation: a new QR code or a deactivation bumps it and ends older tokens. */
    public static final String TABLE_GENERATION_CLAIM = "table_gen";

    @Inject
    JsonWebToken jwt;

    public boolean authenticated() {
        return jwt != null && jwt.getSubject() != null;
    }

    /** The caller's bearer token, for a call to another service made on its behalf (never logged). */
    public String bearer() {
        return "Bearer " + jwt.getRawToken();
    }

    public UUID userId() {
        requireAuthenticated();
        return UUID.fromString(jwt.getSubject());
    }

    public String username() {
        requireAuthenticated();
        String name = jwt.getClaim(USERNAME_CLAIM);
        return name != null ? name : jwt.getName();
    }

    public Role role() {
        requireAuthenticated();
        return roleOf(jwt).orElseThrow(() -> ApiException.forbidden("The token carries no role"));
    }

    public Optional<UUID> restaurantId() {
        requireAuthenticated();
        return uuidClaim(jwt, RESTAURANT_CLAIM);
    }

    public Optional<UUID> tableId() {
        requireAuthenticated();
        return uuidClaim(jwt, TABLE_CLAIM);
    }

    /** A guest's table as the restaurant names it ("Terrazza 6"), when its token says. */
    public Optional<String> tableLabel() {
        requireAuthenticated();
        Object value = jwt.getClaim(TABLE_LABEL_CLAIM);
        if (value == null) {
            return Optional.empty();
        }
        String text = value instanceof jakarta.json.JsonString js ? js.getString() : value.toString();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    public boolean isMaster() {
        return authenticated() && role() == Role.MASTER_ADMIN;
    }

    /**
     * The one scope decision of a staff endpoint: the restaurant it acts on, which the caller may act on
     * in one of the given roles (master admins always may). {@code requested} is the restaurant the
     * request names (path or {@code restaurant_id}); without one it is the caller's own, and a master
     * admin, who has none, must name it (400). A caller of another restaurant gets the same 404 as for a
     * missing restaurant; a caller of this restaurant whose role is not allowed gets 403; a caller who
     * belongs to no restaurant and names none, 403. The decision becomes the request's
     * {@link TenantScope}: every query of tenant-owned rows after it reads that restaurant only.
     */
    public UUID staffScope(UUID requested, Role... allowed) {
        Role mine = role();
        UUID restaurant;
        if (mine == Role.MASTER_ADMIN) {
            if (requested == null) {
                throw ApiException.invalidField("restaurant_id", "is required for a master admin");
            }
            restaurant = requested;
        } else {
            Optional<UUID> own = restaurantId();
            if (requested == null && own.isEmpty()) {
                throw ApiException.forbidden("Your role may not do this");
            }
            restaurant = requested == null ? own.get() : requested;
            if (!own.map(restaurant::equals).orElse(false)) {
                throw ApiException.notFound("Restaurant");
            }
            if (!Arrays.asList(allowed).contains(mine)) {
                throw ApiException.forbidden("Your role may not do this");
            }
        }
        TenantScope.set(TenantScope.of(restaurant));
        return restaurant;
    }

    /**
     * A customer's own rows may be at any restaurant: for a customer this opens the scope to every
     * restaurant, and the query (or {@link #sees}) must bound it by the customer's id. Other callers
     * keep their scope.
     */
    public void customerScope() {
        if (role() == Role.CUSTOMER) {
            TenantScope.set(TenantScope.ALL);
        }
    }

    /**
     * Whether the caller may see one row of the current scope (the tenant filter already bounds the
     * restaurant): staff and master admins every row, a guest the rows of its table, a customer its own.
     */
    public boolean sees(UUID tableId, UUID customerId) {
        return switch (role()) {
            case MASTER_ADMIN, RESTAURANT_ADMIN, CHEF, WAITER -> true;
            case GUEST -> tableId != null && tableId().map(tableId::equals).orElse(false);
            case CUSTOMER -> customerId != null && customerId.equals(userId());
        };
    }

    /**
     * Where a caller's queries read when no decision narrowed them: a master admin every restaurant;
     * staff and guests (a guest's is its table's) their restaurant; a customer, who belongs to none,
     * nothing until {@link #customerScope()}.
     */
    public static TenantScope defaultScope(JsonWebToken token) {
        Optional<Role> role = roleOf(token);
        if (role.isEmpty() || role.get() == Role.CUSTOMER) {
            return TenantScope.NONE;
        }
        if (role.get() == Role.MASTER_ADMIN) {
            return TenantScope.ALL;
        }
        return uuidClaim(token, RESTAURANT_CLAIM).map(TenantScope::of).orElse(TenantScope.NONE);
    }

    /** The caller's own restaurant; 403 for callers who belong to none (master admin, plain customer). */
    public UUID ownRestaurant() {
        return restaurantId().orElseThrow(() -> ApiException.forbidden("You do not belong to a restaurant"));
    }

    private static Optional<Role> roleOf(JsonWebToken token) {
        return token.getGroups().stream().map(g -> {
            try {
                return Role.fromWire(g);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }).filter(r -> r != null).findFirst();
    }

    private static Optional<UUID> uuidClaim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        if (value == null) {
            return Optional.empty();
        }
        String text = value instanceof jakarta.json.JsonString js ? js.getString() : value.toString();
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void requireAuthenticated() {
        if (!authenticated()) {
            throw ApiException.unauthorized("A valid access token is required");
        }
    }
}
