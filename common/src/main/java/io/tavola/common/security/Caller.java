package io.tavola.common.security;

import io.tavola.common.error.ApiException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The verified caller of the current request, read from the access token only (never from a
 * client-supplied field). Every service decides tenancy here, in one place: {@link #restaurantScope}.
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
        return jwt.getGroups().stream().map(g -> {
            try {
                return Role.fromWire(g);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }).filter(r -> r != null).findFirst().orElseThrow(() -> ApiException.forbidden("The token carries no role"));
    }

    public Optional<UUID> restaurantId() {
        requireAuthenticated();
        return uuidClaim(RESTAURANT_CLAIM);
    }

    public Optional<UUID> tableId() {
        requireAuthenticated();
        return uuidClaim(TABLE_CLAIM);
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
     * The tenant check: returns {@code restaurantId} when the caller may act on that restaurant in one of
     * the given roles (master admins always may). A caller of another restaurant gets the same 404 as a
     * missing restaurant; a caller of this restaurant whose role is not allowed gets 403.
     */
    public UUID restaurantScope(UUID restaurantId, Role... allowed) {
        Role mine = role();
        if (mine == Role.MASTER_ADMIN) {
            return restaurantId;
        }
        boolean ownRestaurant = restaurantId().map(restaurantId::equals).orElse(false);
        if (!ownRestaurant) {
            throw ApiException.notFound("Restaurant");
        }
        if (!Arrays.asList(allowed).contains(mine)) {
            throw ApiException.forbidden("Your role may not do this");
        }
        return restaurantId;
    }

    /** The caller's own restaurant; 403 for callers who belong to none (master admin, plain customer). */
    public UUID ownRestaurant() {
        return restaurantId().orElseThrow(() -> ApiException.forbidden("You do not belong to a restaurant"));
    }

    private Optional<UUID> uuidClaim(String name) {
        Object value = jwt.getClaim(name);
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
