package io.tavola.auth.token;

import io.smallrye.mutiny.Uni;
import io.tavola.auth.AuthConfig;
import io.tavola.common.security.TokenRevocations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Opaque refresh tokens: 256 random bits, only their SHA-256 stored. Single use: a refresh retires the
 * presented token; presenting a retired one again means it leaked, so the whole family (every token of
 * that login) is revoked. Callers run these inside their transaction.
 */
@ApplicationScoped
public class RefreshTokens {

    private static final Logger LOG = Logger.getLogger(RefreshTokens.class);
    // per instance, made at run time: a SecureRandom created in a static initialiser would be seeded
    // once at native-image build time and shared by every executable built from it
    private final SecureRandom random = new SecureRandom();

    @Inject
    AuthConfig config;

    @Inject
    TokenRevocations revocations;

    /** Outcome of presenting a refresh token. */
    public sealed interface Redemption {
        record Valid(UUID userId, UUID familyId) implements Redemption {}

        record Rejected() implements Redemption {}
    }

    /** Issues a token of the given family (a new login passes a new family id); returns the plain token. */
    public Uni<String> issue(UUID userId, UUID familyId) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String plain = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        RefreshToken token = new RefreshToken();
        token.id = UUID.randomUUID();
        token.tokenHash = hash(plain);
        token.userId = userId;
        token.familyId = familyId;
        token.createdAt = Instant.now();
        token.expiresAt = token.createdAt.plus(config.refreshTokenTtl());
        return token.persist().replaceWith(plain);
    }

    /** Retires the token if it is current; detects reuse and revokes the family. */
    public Uni<Redemption> redeem(String plain) {
        return RefreshToken.<RefreshToken>find("tokenHash", hash(plain)).firstResult().chain(token -> {
            if (token == null || token.revokedAt != null || token.expiresAt.isBefore(Instant.now())) {
                return Uni.createFrom().item(new Redemption.Rejected());
            }
            // Conditional update: of two concurrent refreshes with one token, only one wins.
            return RefreshToken.update("usedAt = ?1 where id = ?2 and usedAt is null", Instant.now(), token.id)
                    .chain(updated -> {
                        if (updated == 1) {
                            return Uni.createFrom().item(new Redemption.Valid(token.userId, token.familyId));
                        }
                        LOG.warnf("Refresh token reuse for user %s: revoking its login family", token.userId);
                        return revokeFamily(token.familyId).replaceWith(new Redemption.Rejected());
                    });
        });
    }

    /** Ends a login: its refresh tokens here, its access tokens at every service (the shared deny-list). */
    public Uni<Integer> revokeFamily(UUID familyId) {
        return RefreshToken.update("revokedAt = ?1 where familyId = ?2 and revokedAt is null", Instant.now(),
                familyId).call(() -> revocations.revokeFamily(familyId));
    }

    public Uni<Integer> revokeAllOf(UUID userId) {
        return RefreshToken.update("revokedAt = ?1 where userId = ?2 and revokedAt is null", Instant.now(), userId);
    }

    /** The family a token belongs to, if the token exists (for logout). */
    public Uni<RefreshToken> find(String plain) {
        return RefreshToken.find("tokenHash", hash(plain)).firstResult();
    }

    static String hash(String plain) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(plain.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
