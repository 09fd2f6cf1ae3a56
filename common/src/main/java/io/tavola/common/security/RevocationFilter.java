package io.tavola.common.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.tavola.common.error.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every service's REST layer refuses a revoked token (the shared deny-list of {@link TokenRevocations})
 * with 401 before any endpoint runs, reads included. A request without a token, or with one that fails
 * verification, is left to the endpoint's own security.
 */
@ApplicationScoped
public class RevocationFilter {

    private final TokenRevocations revocations;
    private final CurrentIdentityAssociation identity;

    RevocationFilter(TokenRevocations revocations, CurrentIdentityAssociation identity) {
        this.revocations = revocations;
        this.identity = identity;
    }

    @ServerRequestFilter
    public Uni<Response> refuseRevoked(HttpHeaders headers, UriInfo uri, ResourceInfo resource) {
        if (headers.getHeaderString(HttpHeaders.AUTHORIZATION) == null
                || resource.getResourceMethod() != null
                        && resource.getResourceMethod().isAnnotationPresent(AcceptsRevokedTokens.class)) {
            return Uni.createFrom().nullItem();
        }
        return identity.getDeferredIdentity()
                .onFailure().recoverWithNull()
                .chain(id -> {
                    if (id == null || id.isAnonymous() || !(id.getPrincipal() instanceof JsonWebToken jwt)
                            || jwt.getSubject() == null) {
                        return Uni.createFrom().<Response>nullItem();
                    }
                    return revocations.isRevoked(jwt).map(revoked -> revoked
                            ? Problems.response(401, "token-revoked", "Unauthorized",
                                    "This token has been revoked; sign in again", null,
                                    Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""), uri, headers, null)
                            : null);
                });
    }
}
