package io.tavola.common.security;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.tavola.common.tenancy.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Before any endpoint runs, a request with a verified token gets its caller's default
 * {@link TenantScope} ({@link Caller#defaultScope}). A request without one gets none: a public endpoint
 * names the restaurant it serves, and a query it forgot to scope fails instead of reading anything.
 * It lives with the caller (security decides the scope, tenancy only carries it), so tenancy imports
 * nothing of security.
 */
@ApplicationScoped
public class TenantScopeFilter {

    private final CurrentIdentityAssociation identity;

    TenantScopeFilter(CurrentIdentityAssociation identity) {
        this.identity = identity;
    }

    @ServerRequestFilter
    public Uni<Void> defaultScope() {
        return identity.getDeferredIdentity()
                .onFailure().recoverWithNull()
                .invoke(id -> {
                    if (id != null && !id.isAnonymous() && id.getPrincipal() instanceof JsonWebToken jwt
                            && jwt.getSubject() != null) {
                        TenantScope.set(Caller.defaultScope(jwt));
                    }
                })
                .replaceWithVoid();
    }
}
