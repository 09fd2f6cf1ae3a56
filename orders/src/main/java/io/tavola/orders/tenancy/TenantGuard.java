package io.tavola.orders.tenancy;

import io.tavola.common.error.ApiException;
import io.tavola.common.security.Caller;
import io.tavola.common.security.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Who may see what, decided here for every endpoint of the service. Staff see their restaurant, a
 * guest sees its table (in its restaurant), a customer its own orders; everything else answers 404,
 * exactly like a missing resource, so ids of other restaurants reveal nothing.
 */
@RequestScoped
public class TenantGuard {

    public static final Role[] STAFF = { Role.RESTAURANT_ADMIN, Role.CHEF, Role.WAITER };

    @Inject
    Caller caller;

    /** The restaurant a staff list or report is about: own restaurant, or the one a master names. */
    public UUID listScope(UUID requested, Role... allowed) {
        if (caller.isMaster()) {
            if (requested == null) {
                throw ApiException.invalidField("restaurant_id", "is required for a master admin");
            }
            return requested;
        }
        UUID own = caller.restaurantId().orElseThrow(() -> ApiException.forbidden("Your role may not do this"));
        return caller.restaurantScope(requested == null ? own : requested, allowed);
    }

    /** May the caller see an order or session placed at {@code tableId} of {@code restaurantId}? */
    public void requireTableVisible(UUID restaurantId, UUID tableId, UUID customerId, String what) {
        Role role = caller.role();
        if (role == Role.MASTER_ADMIN) {
            return;
        }
        if (role.isStaff()) {
            if (!caller.restaurantId().map(restaurantId::equals).orElse(false)) {
                throw ApiException.notFound(what);
            }
            return;
        }
        if (role == Role.GUEST) {
            boolean sameTable = tableId != null && caller.tableId().map(tableId::equals).orElse(false)
                    && caller.restaurantId().map(restaurantId::equals).orElse(false);
            if (!sameTable) {
                throw ApiException.notFound(what);
            }
            return;
        }
        if (role == Role.CUSTOMER && customerId != null && customerId.equals(caller.userId())) {
            return;
        }
        throw ApiException.notFound(what);
    }

    /** Staff of the restaurant (any of {@code allowed}) or master; others of this restaurant 403, the rest 404. */
    public void requireStaff(UUID restaurantId, Role... allowed) {
        Role role = caller.role();
        if (role == Role.GUEST || role == Role.CUSTOMER) {
            if (caller.restaurantId().map(restaurantId::equals).orElse(false)) {
                throw ApiException.forbidden("Your role may not do this");
            }
            throw ApiException.notFound("Restaurant");
        }
        caller.restaurantScope(restaurantId, allowed);
    }
}
