package io.tavola.common.testkit;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import io.tavola.common.security.Role;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Access tokens for tests, signed with the test kit's key, which services trust in the %test profile.
 * Tests call endpoints as a given role without going through the login screen.
 */
public final class TestTokens {

    public static final String ISSUER = "https://tavola.local/auth";
    private static final PrivateKey KEY = load();

    private TestTokens() {}

    public static String master() {
        return token(Role.MASTER_ADMIN, UUID.randomUUID(), null, null);
    }

    public static String admin(UUID restaurantId) {
        return token(Role.RESTAURANT_ADMIN, UUID.randomUUID(), restaurantId, null);
    }

    public static String chef(UUID restaurantId) {
        return token(Role.CHEF, UUID.randomUUID(), restaurantId, null);
    }

    public static String waiter(UUID restaurantId) {
        return token(Role.WAITER, UUID.randomUUID(), restaurantId, null);
    }

    public static String customer(UUID userId) {
        return token(Role.CUSTOMER, userId, null, null);
    }

    public static String guest(UUID restaurantId, UUID tableId) {
        return token(Role.GUEST, UUID.randomUUID(), restaurantId, tableId);
    }

    public static String staff(Role role, UUID restaurantId) {
        return token(role, UUID.randomUUID(), restaurantId, null);
    }

    public static String token(Role role, UUID subject, UUID restaurantId, UUID tableId) {
        return builder(role, subject, restaurantId, tableId).sign(KEY);
    }

    /** For tests that need to bend a claim (expiry, issuer...) before signing. */
    public static JwtClaimsBuilder builder(Role role, UUID subject, UUID restaurantId, UUID tableId) {
        Instant now = Instant.now();
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER)
                .subject(subject.toString())
                .upn("test-" + role.wire())
                .claim("username", "test-" + role.wire())
                .groups(role.wire())
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plus(Duration.ofMinutes(30)));
        if (restaurantId != null) {
            claims.claim("restaurant_id", restaurantId.toString());
        }
        if (tableId != null) {
            claims.claim("table_id", tableId.toString());
        }
        return claims;
    }

    public static PrivateKey signingKey() {
        return KEY;
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static PrivateKey load() {
        try {
            return KeyUtils.readPrivateKey("testkit/test-jwt-private.pem");
        } catch (Exception e) {
            throw new IllegalStateException("test kit signing key missing", e);
        }
    }
}
