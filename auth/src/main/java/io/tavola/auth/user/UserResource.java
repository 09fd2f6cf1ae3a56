package io.tavola.auth.user;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tavola.common.security.Caller;
import io.tavola.common.security.Role;
import io.tavola.common.web.PageRequest;
import io.tavola.common.web.PageResult;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;

/** User management under the permission matrix (see {@link UserPermissions}). */
@Path("/api/v1/users")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    @Inject
    UserAccounts users;

    @Inject
    Caller caller;

    @POST
    public Uni<Response> create(@Valid @NotNull UserRequests.CreateUser body) {
        return users.create(caller.role(), caller.restaurantId(), body).map(user -> Response
                .created(URI.create("/api/v1/users/" + user.id)).entity(UserView.of(user)).build());
    }

    @GET
    public Uni<PageResult<UserView>> list(@QueryParam("role") Role role, @QueryParam("restaurant_id") UUID restaurantId,
            @Valid @BeanParam PageRequest page) {
        return users.list(caller.role(), caller.restaurantId(), role, restaurantId, page);
    }

    @GET
    @Path("/{id}")
    public Uni<UserView> get(@PathParam("id") UUID id) {
        return users.get(caller.role(), caller.restaurantId(), id).map(UserView::of);
    }

    @PUT
    @Path("/{id}")
    public Uni<UserView> update(@PathParam("id") UUID id, @Valid @NotNull UserRequests.UpdateUser body) {
        return users.update(caller.role(), caller.restaurantId(), caller.userId(), id, body).map(UserView::of);
    }

    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return users.delete(caller.role(), caller.restaurantId(), caller.userId(), id)
                .replaceWith(Response.noContent().build());
    }
}
