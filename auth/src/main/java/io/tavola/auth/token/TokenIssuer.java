package io.tavola.auth.token;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.tavola.auth.AuthConfig;
import io.tavola.common.security.Caller;
import io.tavola.common.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Signs access tokens (RS256, claims of DESIGN.md) with the key ring's current key. */
@ApplicationScoped
public class TokenIssuer {

    @Inject
    KeyRing keys;

    @Inject
    AuthConfig config;

    /** Who a staff token speaks for; {@code restaurantId} is null for a master admin. */
    public record StaffSubject(UUID userId, String username, Role role, UUID restaurantId) {}

    /** {@code family}: the login it belongs to, so revoking that login's refresh tokens ends it too. */
    public String accessToken(StaffSubject staff, UUID family) {
        JwtClaimsBuilder claims = base(staff.userId().toString(), staff.username(), staff.role(), config.accessTokenTtl())
                .claim(Caller.FAMILY_CLAIM, family.toString());
        if (staff.restaurantId() != null) {
            claims.claim(Caller.RESTAURANT_CLAIM, staff.restaurantId().toString());
        }
        return sign(claims);
    }

    /** A diner at a table: no account, a random subject per scan, restaurant and table in the claims. */
    public String guestToken(UUID restaurantId, UUID tableId, String tableLabel, long tableGeneration) {
        String subject = UUID.randomUUID().toString();
        JwtClaimsBuilder claims = base(subject, "guest-" + subject.substring(0, 8), Role.GUEST, config.guestTokenTtl())
                .claim(Caller.RESTAURANT_CLAIM, restaurantId.toString())
                .claim(Caller.TABLE_CLAIM, tableId.toString())
                .claim(Caller.TABLE_GENERATION_CLAIM, tableGeneration);
        if (tableLabel != null && !tableLabel.isBlank()) {
            claims.claim(Caller.TABLE_LABEL_CLAIM, tableLabel);
        }
        return sign(claims);
    }

    public long accessTtlSeconds() {
        return config.accessTokenTtl().toSeconds();
    }

    public long guestTtlSeconds() {
        return config.guestTokenTtl().toSeconds();
    }

    private JwtClaimsBuilder base(String subject, String username, Role role, Duration ttl) {
        Instant now = Instant.now();
        return Jwt.issuer(config.issuer())
                .subject(subject)
                .upn(username)
                .claim(Caller.USERNAME_CLAIM, username)
                .groups(role.wire())
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plus(ttl));
    }

    private String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId(keys.signingKeyId()).sign(keys.signingKey());
    }
}
