package io.tavola.auth.user;

import io.tavola.common.security.Role;
import java.time.Instant;
import java.util.UUID;

/** A user as the API shows it: never the password hash. */
public record UserView(UUID id, String username, String email, Role role, UUID restaurantId, boolean isActive,
        boolean isVerified, Instant createdAt, Instant lastLoginAt) {

    public static UserView of(User user) {
        return new UserView(user.id, user.username, user.email, user.role, user.restaurantId, user.active,
                user.verified, user.createdAt, user.lastLoginAt);
    }
}
