package io.tavola.auth.user;

import io.tavola.common.error.ApiException;
import io.tavola.common.security.Role;
import java.util.Optional;
import java.util.UUID;

/**
 * The user-management rows of the permission matrix (DESIGN.md), in one place: master admins manage
 * everyone; a restaurant admin manages the chefs and waiters of its own restaurant; nobody else manages
 * users. Users a manager may not see are answered 404, like missing ones.
 */
public final class UserPermissions {

    private UserPermissions() {}

    /** Who may use the user endpoints at all. */
    public static void requireManager(Role caller) {
        if (caller != Role.MASTER_ADMIN && caller != Role.RESTAURANT_ADMIN) {
            throw ApiException.forbidden("Only master admins and restaurant admins manage users");
        }
    }

    /** Whether a manager sees (and so may change) this user. */
    public static boolean canManage(Role caller, Optional<UUID> callerRestaurant, User target) {
        if (caller == Role.MASTER_ADMIN) {
            return true;
        }
        return caller == Role.RESTAURANT_ADMIN
                && (target.role == Role.CHEF || target.role == Role.WAITER)
                && callerRestaurant.isPresent() && callerRestaurant.get().equals(target.restaurantId);
    }

    /** The role and restaurant a new or changed account may get from this manager. */
    public static UUID checkAssignment(Role caller, Optional<UUID> callerRestaurant, Role role, UUID restaurantId) {
        if (role == Role.GUEST) {
            throw ApiException.invalidField("role", "guests have no accounts");
        }
        if (caller == Role.RESTAURANT_ADMIN) {
            if (role != Role.CHEF && role != Role.WAITER) {
                throw ApiException.forbidden("Restaurant admins create chef and waiter accounts only");
            }
            UUID own = callerRestaurant.orElseThrow(() -> ApiException.forbidden("You do not belong to a restaurant"));
            if (restaurantId != null && !restaurantId.equals(own)) {
                throw ApiException.notFound("Restaurant");
            }
            return own;
        }
        if (role == Role.MASTER_ADMIN && restaurantId != null) {
            throw ApiException.invalidField("restaurant_id", "must be empty for a master admin");
        }
        if (role.isStaff() && restaurantId == null) {
            throw ApiException.invalidField("restaurant_id", "is required for restaurant staff");
        }
        return restaurantId;
    }
}
