package io.tavola.auth.user;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.tavola.auth.token.RefreshTokens;
import io.tavola.common.error.ApiException;
import io.tavola.common.error.DatabaseFailures;
import io.tavola.common.security.Role;
import io.tavola.common.security.TokenRevocations;
import io.tavola.common.web.PageRequest;
import io.tavola.common.web.PageResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Accounts: staff created under the permission matrix ({@link UserPermissions}), customers who register,
 * their changes and deletion. Each write is one transaction; the revocations that follow it (the shared
 * deny-list) are sent once it committed.
 */
@ApplicationScoped
public class UserAccounts {

    @Inject
    PasswordHasher hasher;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    TokenRevocations revocations;

    /** A changed user, and whether the change ends the access tokens it holds now. */
    record Updated(User user, boolean endsTokens) {}

    public Uni<User> create(Role caller, Optional<UUID> callerRestaurant, UserRequests.CreateUser request) {
        UserPermissions.requireManager(caller);
        UUID restaurantId = UserPermissions.checkAssignment(caller, callerRestaurant, request.role(),
                request.restaurantId());
        checkPasswordPolicy(request.username(), request.password());
        return hasher.hash(request.password()).chain(hash -> insert(request.username(), request.email(), hash,
                request.role(), restaurantId, caller == Role.MASTER_ADMIN));
    }

    public Uni<User> register(UserRequests.Register request) {
        checkPasswordPolicy(request.username(), request.password());
        return hasher.hash(request.password())
                .chain(hash -> insert(request.username(), request.email(), hash, Role.CUSTOMER, null, false));
    }

    private Uni<User> insert(String username, String email, String hash, Role role, UUID restaurantId,
            boolean verified) {
        return Panache.withTransaction(() -> ensureUnique(username, email, null).chain(() -> {
            User user = new User();
            user.id = UUID.randomUUID();
            user.username = username.trim();
            user.email = email.trim();
            user.passwordHash = hash;
            user.role = role;
            user.restaurantId = restaurantId;
            user.active = true;
            user.verified = verified;
            user.createdAt = Instant.now();
            user.updatedAt = user.createdAt;
            return user.<User>persistAndFlush();
        }).onFailure(DatabaseFailures::isUniqueViolation)
                .transform(e -> ApiException.conflict("username-or-email-taken",
                        "That username or email is already registered")));
    }

    public Uni<PageResult<UserView>> list(Role caller, Optional<UUID> callerRestaurant, Role roleFilter,
            UUID restaurantFilter, PageRequest page) {
        UserPermissions.requireManager(caller);
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (caller == Role.RESTAURANT_ADMIN) {
            where.add("restaurantId = :own and role in (:staff)");
            params.and("own", callerRestaurant.orElseThrow()).and("staff", List.of(Role.CHEF, Role.WAITER));
        } else if (restaurantFilter != null) {
            where.add("restaurantId = :restaurant");
            params.and("restaurant", restaurantFilter);
        }
        if (roleFilter != null) {
            where.add("role = :role");
            params.and("role", roleFilter);
        }
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        return Panache.withSession(() -> {
            var found = User.<User>find(query, Sort.by("username"), params).page(Page.of(page.page, page.size));
            // one reactive session runs one query at a time: list, then count
            return found.list().chain(users -> found.count().map(total -> new PageResult<>(
                    users.stream().map(UserView::of).toList(), page.page, page.size, total)));
        });
    }

    public Uni<User> get(Role caller, Optional<UUID> callerRestaurant, UUID id) {
        UserPermissions.requireManager(caller);
        return Panache.withSession(() -> visible(caller, callerRestaurant, id));
    }

    public Uni<User> update(Role caller, Optional<UUID> callerRestaurant, UUID callerId, UUID id,
            UserRequests.UpdateUser request) {
        UserPermissions.requireManager(caller);
        Uni<String> newHash = request.password() == null ? Uni.createFrom().nullItem() : hasher.hash(request.password());
        // after the commit: every service refuses the user's current access tokens from now on
        return newHash.chain(hash -> applyUpdate(caller, callerRestaurant, callerId, id, request, hash))
                .call(updated -> updated.endsTokens() ? revocations.revokeUser(updated.user().id)
                        : Uni.createFrom().voidItem())
                .map(Updated::user);
    }

    private Uni<Updated> applyUpdate(Role caller, Optional<UUID> callerRestaurant, UUID callerId, UUID id,
            UserRequests.UpdateUser request, String newHash) {
        return Panache.withTransaction(() -> visible(caller, callerRestaurant, id).chain(user -> {
            checkUpdate(caller, callerRestaurant, callerId, user, request);
            Uni<Void> unique = request.email() == null ? Uni.createFrom().voidItem()
                    : ensureUnique(null, request.email(), user.id);
            return unique.chain(() -> change(user, request, newHash));
        }));
    }

    private static void checkUpdate(Role caller, Optional<UUID> callerRestaurant, UUID callerId, User user,
            UserRequests.UpdateUser request) {
        if (request.password() != null) {
            checkPasswordPolicy(user.username, request.password());
        }
        if (request.role() != null && request.role() != user.role) {
            UserPermissions.checkAssignment(caller, callerRestaurant, request.role(), user.restaurantId);
            if (request.role() == Role.MASTER_ADMIN || user.role == Role.MASTER_ADMIN
                    || request.role().isStaff() && user.restaurantId == null) {
                throw ApiException.conflict("role-change-not-possible",
                        "This account cannot change to role " + request.role().wire());
            }
        }
        if (user.id.equals(callerId) && Boolean.FALSE.equals(request.isActive())) {
            throw ApiException.conflict("cannot-deactivate-self", "You cannot deactivate your own account");
        }
    }

    /** Inside the update's transaction, after its checks. */
    private Uni<Updated> change(User user, UserRequests.UpdateUser request, String newHash) {
        boolean deactivated = user.active && Boolean.FALSE.equals(request.isActive());
        boolean passwordChanged = newHash != null;
        boolean roleChanged = request.role() != null && request.role() != user.role;
        if (request.email() != null) {
            user.email = request.email().trim();
        }
        if (newHash != null) {
            user.passwordHash = newHash;
        }
        if (request.role() != null) {
            user.role = request.role();
        }
        if (request.isActive() != null) {
            user.active = request.isActive();
        }
        if (request.isVerified() != null) {
            user.verified = request.isVerified();
        }
        user.updatedAt = Instant.now();
        // A deactivated account or a changed password ends every login of that user.
        Uni<Integer> revoke = deactivated || passwordChanged ? refreshTokens.revokeAllOf(user.id)
                : Uni.createFrom().item(0);
        return revoke.replaceWith(new Updated(user, deactivated || passwordChanged || roleChanged));
    }

    /** Deletes the account and, once that committed, ends its access tokens at every service. */
    public Uni<Void> delete(Role caller, Optional<UUID> callerRestaurant, UUID callerId, UUID id) {
        UserPermissions.requireManager(caller);
        if (id.equals(callerId)) {
            throw ApiException.conflict("cannot-delete-self", "You cannot delete your own account");
        }
        return remove(caller, callerRestaurant, id).call(() -> revocations.revokeUser(id));
    }

    private Uni<Void> remove(Role caller, Optional<UUID> callerRestaurant, UUID id) {
        return Panache.withTransaction(() -> visible(caller, callerRestaurant, id).chain(user -> user.delete()));
    }

    public Uni<User> byId(UUID id) {
        return Panache.withSession(() -> User.findById(id));
    }

    private Uni<User> visible(Role caller, Optional<UUID> callerRestaurant, UUID id) {
        return User.<User>findById(id).map(user -> {
            if (user == null || !UserPermissions.canManage(caller, callerRestaurant, user)) {
                throw ApiException.notFound("User");
            }
            return user;
        });
    }

    private Uni<Void> ensureUnique(String username, String email, UUID exceptId) {
        Uni<Long> usernames = username == null ? Uni.createFrom().item(0L)
                : User.count("lower(username) = lower(?1)", username.trim());
        Uni<Long> emails = exceptId == null ? User.count("lower(email) = lower(?1)", email.trim())
                : User.count("lower(email) = lower(?1) and id <> ?2", email.trim(), exceptId);
        return usernames.chain(sameName -> {
            if (sameName > 0) {
                throw ApiException.conflict("username-taken", "That username is already taken");
            }
            return emails;
        }).map(sameEmail -> {
            if (sameEmail > 0) {
                throw ApiException.conflict("email-taken", "That email is already registered");
            }
            return null;
        }).replaceWithVoid();
    }


    static void checkPasswordPolicy(String username, String password) {
        if (password.length() < 10) {
            throw ApiException.invalidField("password", "must be at least 10 characters long");
        }
        if (username != null && password.trim().equalsIgnoreCase(username.trim())) {
            throw ApiException.invalidField("password", "must not be the username");
        }
    }
}
