package io.tavola.restaurant.menu;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tavola.common.error.ApiException;
import io.tavola.common.security.Caller;
import io.tavola.common.security.Role;
import io.tavola.common.web.PageRequest;
import io.tavola.common.web.PageResult;
import io.tavola.restaurant.image.ImageStore;
import io.tavola.restaurant.menu.MenuItemDtos.AvailabilityRequest;
import io.tavola.restaurant.menu.MenuItemDtos.MenuItemRequest;
import io.tavola.restaurant.menu.MenuItemDtos.MenuItemView;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;

/**
 * Menu items. Staff of the restaurant read them; its admin (or a master admin) edits them; the kitchen
 * (chef) may also 86 an item through the availability endpoint. Every change refreshes the public menu
 * and an availability flip is announced on the {@code menu} exchange ({@link MenuItems}).
 */
@Path("/api/v1/restaurants/{rid}/menu-items")
@Authenticated
public class MenuItemResource {

    @Inject
    Caller caller;

    @Inject
    MenuItems items;

    @Inject
    ImageStore images;

    @GET
    public Uni<PageResult<MenuItemView>> list(@PathParam("rid") UUID rid, @QueryParam("category_id") String categoryId,
            @Valid @BeanParam PageRequest page) {
        caller.staffScope(rid, Role.RESTAURANT_ADMIN, Role.CHEF, Role.WAITER);
        return items.list(rid, categoryFilter(categoryId), page);
    }

    @GET
    @Path("{id}")
    public Uni<MenuItemView> get(@PathParam("rid") UUID rid, @PathParam("id") UUID id) {
        caller.staffScope(rid, Role.RESTAURANT_ADMIN, Role.CHEF, Role.WAITER);
        return items.get(id);
    }

    @POST
    public Uni<Response> create(@PathParam("rid") UUID rid, @Valid @NotNull MenuItemRequest request, UriInfo uri) {
        caller.staffScope(rid, Role.RESTAURANT_ADMIN);
        return items.create(rid, request).map(item -> Response
                .created(uri.getAbsolutePathBuilder().path(item.id().toString()).build()).entity(item).build());
    }

    @PUT
    @Path("{id}")
    public Uni<MenuItemView> update(@PathParam("rid") UUID rid, @PathParam("id") UUID id,
            @Valid @NotNull MenuItemRequest request) {
        caller.staffScope(rid, Role.RESTAURANT_ADMIN);
        return items.update(rid, id, request);
    }

    @PUT
    @Path("{id}/availability")
    public Uni<MenuItemView> putAvailability(@PathParam("rid") UUID rid, @PathParam("id") UUID id,
            @Valid @NotNull AvailabilityRequest request) {
        caller.staffScope(rid, Role.RESTAURANT_ADMIN, Role.CHEF);
        return items.setAvailability(rid, id, request.isAvailable());
    }

    @PATCH
    @Path("{id}/availability")
    public Uni<MenuItemView> patchAvailability(@PathParam("rid") UUID rid, @PathParam("id") UUID id,
            @Valid @NotNull AvailabilityRequest request) {
        return putAvailability(rid, id, request);
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("rid") UUID rid, @PathParam("id") UUID id) {
        caller.staffScope(rid, Role.RESTAURANT_ADMIN);
        return items.delete(rid, id).replaceWith(Response.noContent().build());
    }

    /** The item's picture: the raw image bytes as the body (JPEG, PNG or WebP, at most 2 MB). */
    @PUT
    @Path("{id}/image")
    @Consumes(MediaType.WILDCARD)
    public Uni<MenuItemView> putImage(@PathParam("rid") UUID rid, @PathParam("id") UUID id, byte[] body) {
        caller.staffScope(rid, Role.RESTAURANT_ADMIN);
        images.check(body);
        return items.setImage(rid, id, body);
    }

    @DELETE
    @Path("{id}/image")
    public Uni<MenuItemView> deleteImage(@PathParam("rid") UUID rid, @PathParam("id") UUID id) {
        caller.staffScope(rid, Role.RESTAURANT_ADMIN);
        return items.deleteImage(rid, id);
    }

    /** A malformed filter is the caller's mistake (400), not a missing resource (JAX-RS would say 404). */
    private static UUID categoryFilter(String categoryId) {
        if (categoryId == null || categoryId.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(categoryId);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("category_id", "must be a valid UUID");
        }
    }
}
