package io.tavola.gateway.security;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
import io.tavola.common.security.TokenFacts;
import io.tavola.common.security.TokenRevocations;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies access tokens at the edge with the same settings as the services (mp.jwt.*: auth's JWKS,
 * cached by smallrye-jwt), then against the shared deny-list (common's {@link TokenRevocations}, the
 * same check every service makes): a revoked token is as invalid as a forged one. Verification may
 * fetch the key set over HTTP, so it runs off the event loop.
 *
 * <p>A token that verified is remembered (by its exact text) until it expires, for at most
 * {@link #REVERIFY_AFTER_MILLIS}: a diner's or a kitchen's next requests skip the signature check and
 * the hop to a worker thread, which were most of what the gateway spent on a session read (issue 15).
 * The deny-list is still asked on every request, so a revocation takes effect at once; a token that
 * failed is never remembered.
 */
@ApplicationScoped
public class EdgeTokens {

    /** Past this, a remembered token is verified again (a key auth withdrew stops counting within it). */
    static final long REVERIFY_AFTER_MILLIS = 60_000;
    private static final int MAX_REMEMBERED = 10_000;

    private record Verified(JsonWebToken token, long untilMillis) {}

    private final JWTParser parser;
    private final Vertx vertx;
    private final TokenRevocations revocations;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    EdgeTokens(JWTParser parser, Vertx vertx, TokenRevocations revocations) {
        this.parser = parser;
        this.vertx = vertx;
        this.revocations = revocations;
    }

    /** Checks the value of an {@code Authorization} header (may be null). */
    public Uni<TokenCheck> check(String authorization) {
        String token = bearer(authorization);
        if (token == null) {
            return Uni.createFrom().item(authorization == null ? TokenCheck.ABSENT : TokenCheck.INVALID);
        }
        return signature(token).chain(check -> !check.valid() ? Uni.createFrom().item(check)
                : revocations.isRevoked(check.token()).map(revoked -> revoked ? TokenCheck.INVALID : check));
    }

    private Uni<TokenCheck> signature(String token) {
        Verified known = verified.get(token);
        long now = System.currentTimeMillis();
        if (known != null && now < known.untilMillis()) {
            return Uni.createFrom().item(TokenCheck.valid(known.token()));
        }
        if (known != null) {
            verified.remove(token);
        }
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            try {
                JsonWebToken jwt = parser.parse(token);
                remember(token, jwt, now);
                return TokenCheck.valid(jwt);
            } catch (ParseException e) {
                return TokenCheck.INVALID;
            }
        }), false);
    }

    private void remember(String token, JsonWebToken jwt, long now) {
        long until = Math.min(jwt.getExpirationTime() * 1000, now + REVERIFY_AFTER_MILLIS);
        if (until <= now) {
            return;
        }
        if (verified.size() >= MAX_REMEMBERED) {
            // rare (10,000 live tokens within a minute on one replica): start over rather than track age
            verified.clear();
        }
        verified.put(token, new Verified(jwt, until));
    }

    static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    /** The outcome: no token, a token that failed verification, or a verified token. */
    public record TokenCheck(State state, JsonWebToken token) {

        public enum State { ABSENT, INVALID, VALID }

        static final TokenCheck ABSENT = new TokenCheck(State.ABSENT, null);
        static final TokenCheck INVALID = new TokenCheck(State.INVALID, null);

        static TokenCheck valid(JsonWebToken token) {
            return new TokenCheck(State.VALID, token);
        }

        public boolean valid() {
            return state == State.VALID;
        }

        /** A claim as text, or null (JSON-P strings come back without quotes). */
        public String claim(String name) {
            if (token == null) {
                return null;
            }
            Object value = token.getClaim(name);
            if (value == null) {
                return null;
            }
            return value instanceof jakarta.json.JsonString js ? js.getString() : value.toString();
        }

        /** What the deny-list looks at, for a live connection that outlives this check. */
        public TokenFacts facts() {
            return token == null ? null : TokenFacts.of(token);
        }

        public String role() {
            return token == null || token.getGroups() == null ? null
                    : token.getGroups().stream().findFirst().orElse(null);
        }
    }
}
