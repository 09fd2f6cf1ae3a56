package io.tavola.auth.login;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tavola.auth.guest.RestaurantTables;
import io.tavola.auth.token.RefreshTokens;
import io.tavola.auth.token.TokenIssuer;
import io.tavola.auth.user.PasswordHasher;
import io.tavola.auth.user.User;
import io.tavola.common.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Login, refresh, logout and guest tokens. */
@ApplicationScoped
public class Logins {

    private static final String BAD_CREDENTIALS = "Wrong username or password";

    @Inject
    PasswordHasher hasher;

    @Inject
    LoginThrottle throttle;

    @Inject
    TokenIssuer issuer;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    RestaurantTables tables;

    /**
     * Unknown user, wrong password and inactive account answer the same 401 after the same bcrypt work, so
     * neither the answer nor its timing tells which it was.
     */
    public Uni<AuthRequests.TokenPair> login(String username, String password, String address) {
        return throttle.checkAllowed(username, address)
                .chain(() -> Panache.<User>withSession(() -> User.<User>find("lower(username) = lower(?1) or lower(email) = lower(?1)",
                        username.trim()).firstResult()))
                .chain((User user) -> (user == null ? hasher.burnTime(password) : hasher.matches(password, user.passwordHash))
                        .map(ok -> ok && user != null && user.active ? user : null))
                .chain((User user) -> {
                    if (user == null) {
                        return throttle.recordFailure(username, address).chain(delay -> Uni.createFrom().<User>nullItem()
                                .onItem().delayIt().by(delay.isZero() ? Duration.ofMillis(1) : delay));
                    }
                    return throttle.recordSuccess(username, address).replaceWith(user);
                })
                .chain((User user) -> {
                    if (user == null) {
                        return Uni.createFrom().<AuthRequests.TokenPair>failure(ApiException.unauthorized(BAD_CREDENTIALS));
                    }
                    UUID family = UUID.randomUUID();
                    return Panache.withTransaction(() -> User.update("lastLoginAt = ?1 where id = ?2", Instant.now(), user.id)
                            .chain(() -> refreshTokens.issue(user.id, family)))
                            .map(refresh -> AuthRequests.TokenPair.bearer(issuer.accessToken(subject(user), family), refresh,
                                    issuer.accessTtlSeconds()));
                });
    }

    /** A new pair for a current refresh token; the revocation of a reused family commits before the 401. */
    public Uni<AuthRequests.TokenPair> refresh(String refreshToken) {
        return Panache.withTransaction(() -> refreshTokens.redeem(refreshToken).chain(redemption -> {
            if (!(redemption instanceof RefreshTokens.Redemption.Valid valid)) {
                return Uni.createFrom().<AuthRequests.TokenPair>nullItem();
            }
            return User.<User>findById(valid.userId()).chain(user -> {
                if (user == null || !user.active) {
                    return refreshTokens.revokeFamily(valid.familyId()).replaceWith((AuthRequests.TokenPair) null);
                }
                return refreshTokens.issue(user.id, valid.familyId()).map(next -> AuthRequests.TokenPair
                        .bearer(issuer.accessToken(subject(user), valid.familyId()), next, issuer.accessTtlSeconds()));
            });
        })).map(pair -> {
            if (pair == null) {
                throw ApiException.unauthorized("The refresh token is invalid, expired or revoked");
            }
            return pair;
        });
    }

    /** Ends the login the refresh token belongs to (when it is the caller's, or when there is no caller). */
    public Uni<Void> logout(String refreshToken, UUID callerId) {
        if (refreshToken == null || refreshToken.isBlank()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> refreshTokens.find(refreshToken).chain(token -> {
            if (token == null || callerId != null && !callerId.equals(token.userId)) {
                return Uni.createFrom().voidItem();
            }
            return refreshTokens.revokeFamily(token.familyId).replaceWithVoid();
        }));
    }

    public Uni<AuthRequests.GuestToken> guest(String qrToken) {
        return tables.lookup(qrToken.trim()).map(table -> {
            String label = table.label() != null && !table.label().isBlank() ? table.label() : table.tableNumber();
            long generation = table.generation() == null ? 0 : table.generation();
            return new AuthRequests.GuestToken(issuer.guestToken(table.restaurantId(), table.tableId(), label, generation),
                    "bearer", issuer.guestTtlSeconds(), table.restaurantId(), table.tableId(), label,
                    table.restaurantName());
        });
    }

    private static TokenIssuer.StaffSubject subject(User user) {
        return new TokenIssuer.StaffSubject(user.id, user.username, user.role, user.restaurantId);
    }
}
