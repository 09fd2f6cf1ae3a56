package io.tavola.restaurant.menu;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tavola.common.security.Caller;
import io.tavola.common.security.Role;
import io.tavola.common.web.PageRequest;
import io.tavola.common.web.PageResult;
import io.tavola.restaurant.menu.CategoryDtos.CategoryRequest;
import io.tavola.restaurant.menu.CategoryDtos.CategoryView;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;

/** Menu categories: staff of the restaurant read them, its admin (or a master admin) edits them. */
@Path("/api/v1/restaurants/{rid}/categories")
@Authenticated
public class CategoryResource {

    @Inject
    Caller caller;

    @Inject
    MenuCategories categories;

    @GET
    public Uni<PageResult<CategoryView>> list(@PathParam("rid") UUID rid, @Valid @BeanParam PageRequest page) {
        caller.staffScope(rid, Role.RESTAURANT_ADMIN, Role.CHEF, Role.WAITER);
        return categories.list(rid, page);
    }

    @GET
    @Path("{id}")
    public Uni<CategoryView> get(@PathParam("rid") UUID rid, @PathParam("id") UUID id) {
        caller.staffScope(rid, Role.RESTAURANT_ADMIN, Role.CHEF, Role.WAITER);
        return categories.get(id).map(CategoryView::of);
    }

    @POST
    public Uni<Response> create(@PathParam("rid") UUID rid, @Valid @NotNull CategoryRequest request, UriInfo uri) {
        caller.staffScope(rid, Role.RESTAURANT_ADMIN);
        return categories.create(rid, request).map(c -> Response
                .created(uri.getAbsolutePathBuilder().path(c.id.toString()).build())
                .entity(CategoryView.of(c)).build());
    }

    @PUT
    @Path("{id}")
    public Uni<CategoryView> update(@PathParam("rid") UUID rid, @PathParam("id") UUID id,
            @Valid @NotNull CategoryRequest request) {
        caller.staffScope(rid, Role.RESTAURANT_ADMIN);
        return categories.update(rid, id, request).map(CategoryView::of);
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("rid") UUID rid, @PathParam("id") UUID id) {
        caller.staffScope(rid, Role.RESTAURANT_ADMIN);
        return categories.delete(rid, id).replaceWith(Response.noContent().build());
    }
}
