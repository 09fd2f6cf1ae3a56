package io.tavola.auth.login;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.tavola.common.error.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Logged-out access tokens (by jti, until they expire). Auth refuses them at once; the other services
 * accept them until their 30 minutes run out, which is why access tokens are short-lived.
 */
@ApplicationScoped
public class RevokedAccessTokens {

    private static final String PREFIX = "tavola:auth:revoked-jti:";

    @Inject
    ReactiveRedisDataSource redis;

    @Inject
    CurrentIdentityAssociation identity;

    public Uni<Void> revoke(JsonWebToken token) {
        if (token == null || token.getTokenID() == null) {
            return Uni.createFrom().voidItem();
        }
        long seconds = Math.max(1, token.getExpirationTime() - Instant.now().getEpochSecond());
        return redis.value(String.class).setex(PREFIX + token.getTokenID(), seconds, "1")
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    @ServerRequestFilter
    public Uni<Response> refuseRevoked(HttpHeaders headers, UriInfo uri) {
        if (headers.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
            return Uni.createFrom().nullItem();
        }
        return identity.getDeferredIdentity()
                .chain(id -> {
                    if (id.isAnonymous() || !(id.getPrincipal() instanceof JsonWebToken jwt) || jwt.getTokenID() == null) {
                        return Uni.createFrom().<Response>nullItem();
                    }
                    return redis.key().exists(PREFIX + jwt.getTokenID()).map(revoked -> revoked
                            ? Problems.response(401, "token-revoked", "Unauthorized", "This token was logged out",
                                    null, Map.of("WWW-Authenticate", "Bearer"), uri, headers, null)
                            : null);
                })
                // an invalid token is for the endpoint's own security to refuse; Redis down: accept
                .onFailure().recoverWithNull()
                .ifNoItem().after(Duration.ofSeconds(2)).recoverWithItem((Response) null);
    }
}
