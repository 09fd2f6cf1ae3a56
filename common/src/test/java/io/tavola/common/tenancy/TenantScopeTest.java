package io.tavola.common.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.tavola.common.security.Caller;
import io.tavola.common.security.Role;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/** The default scope of each kind of caller, and that a scope only exists on a request's context. */
class TenantScopeTest {

    private static final UUID RESTAURANT = UUID.randomUUID();

    @Test
    void eachCallerStartsInItsOwnScope() {
        assertEquals(TenantScope.ALL, Caller.defaultScope(token(Role.MASTER_ADMIN, null)));
        assertEquals(TenantScope.of(RESTAURANT), Caller.defaultScope(token(Role.RESTAURANT_ADMIN, RESTAURANT)));
        assertEquals(TenantScope.of(RESTAURANT), Caller.defaultScope(token(Role.CHEF, RESTAURANT)));
        assertEquals(TenantScope.of(RESTAURANT), Caller.defaultScope(token(Role.WAITER, RESTAURANT)));
        assertEquals(TenantScope.of(RESTAURANT), Caller.defaultScope(token(Role.GUEST, RESTAURANT)));
        // a customer belongs to no restaurant, even if its token named one
        assertEquals(TenantScope.NONE, Caller.defaultScope(token(Role.CUSTOMER, RESTAURANT)));
        // staff without a restaurant, or a token without a role we know: nothing
        assertEquals(TenantScope.NONE, Caller.defaultScope(token(Role.WAITER, null)));
        assertEquals(TenantScope.NONE, Caller.defaultScope(token(null, RESTAURANT)));
    }

    @Test
    void aScopeBelongsToARequestOrAnEvent() {
        assertTrue(TenantScope.current().isEmpty());
        assertThrows(IllegalStateException.class, () -> TenantScope.set(TenantScope.of(RESTAURANT)));
        assertThrows(IllegalStateException.class, TenantFilter::required);
    }

    private static JsonWebToken token(Role role, UUID restaurant) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject(UUID.randomUUID().toString());
        if (role != null) {
            claims.setStringListClaim("groups", List.of(role.wire()));
        }
        if (restaurant != null) {
            claims.setClaim(Caller.RESTAURANT_CLAIM, restaurant.toString());
        }
        return new DefaultJWTCallerPrincipal(claims);
    }
}
