package io.tavola.auth.login;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.tavola.auth.user.UserRequests;
import io.tavola.auth.user.UserAccounts;
import io.tavola.auth.user.UserView;
import io.tavola.common.error.ApiException;
import io.tavola.common.security.AcceptsRevokedTokens;
import io.tavola.common.security.Caller;
import io.tavola.common.security.Role;
import io.tavola.common.security.TokenRevocations;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("/api/v1/auth")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject
    Logins logins;

    @Inject
    UserAccounts users;

    @Inject
    TokenRevocations revocations;

    @Inject
    Caller caller;

    @Inject
    CurrentIdentityAssociation identity;

    @Context
    HttpServerRequest request;

    @POST
    @Path("/login")
    public Uni<AuthRequests.TokenPair> login(@Valid @NotNull AuthRequests.Login body) {
        return logins.login(body.username(), body.password(), clientAddress());
    }

    @POST
    @Path("/refresh")
    public Uni<AuthRequests.TokenPair> refresh(@Valid @NotNull AuthRequests.Refresh body) {
        return logins.refresh(body.refreshToken());
    }

    /**
     * Revokes the refresh token's login and, when the caller sent its access token, that token too (at
     * every service: the shared deny-list). Works with an expired or already revoked access token.
     */
    @POST
    @Path("/logout")
    @AcceptsRevokedTokens
    public Uni<Response> logout(@Valid AuthRequests.Logout body) {
        String refresh = body == null ? null : body.refreshToken();
        // the access token is optional here: an expired one must not stop a logout
        return identity.getDeferredIdentity().onFailure().recoverWithNull().chain(id -> {
            JsonWebToken token = id != null && id.getPrincipal() instanceof JsonWebToken t && t.getSubject() != null
                    ? t : null;
            boolean account = token != null && !token.getGroups().contains(Role.GUEST_ROLE);
            UUID owner = account ? UUID.fromString(token.getSubject()) : null;
            Uni<Void> revokeAccess = token == null ? Uni.createFrom().voidItem()
                    : revocations.revokeToken(token.getTokenID(), token.getExpirationTime());
            return revokeAccess.chain(() -> logins.logout(refresh, owner));
        }).replaceWith(Response.noContent().build());
    }

    @POST
    @Path("/register")
    public Uni<Response> register(@Valid @NotNull UserRequests.Register body) {
        return users.register(body).map(user -> Response.created(URI.create("/api/v1/auth/me"))
                .entity(UserView.of(user)).build());
    }

    @POST
    @Path("/guest")
    public Uni<AuthRequests.GuestToken> guest(@Valid @NotNull AuthRequests.Guest body) {
        return logins.guest(body.qrToken());
    }

    /** The caller's profile; a guest (no account) sees what its token says. */
    @GET
    @Path("/me")
    @Authenticated
    public Uni<Object> me() {
        if (caller.role() == Role.GUEST) {
            return Uni.createFrom().item(Map.of("role", Role.GUEST, "restaurant_id", caller.restaurantId().orElseThrow(),
                    "table_id", caller.tableId().orElseThrow()));
        }
        return users.byId(caller.userId()).map(user -> {
            if (user == null || !user.active) {
                throw ApiException.unauthorized("This account no longer exists or is deactivated");
            }
            return UserView.of(user);
        });
    }

    private String clientAddress() {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
