package io.tavola.restaurant.restaurant;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tavola.common.error.ApiException;
import io.tavola.common.security.Caller;
import io.tavola.common.security.Role;
import io.tavola.common.web.PageRequest;
import io.tavola.common.web.PageResult;
import io.tavola.restaurant.image.ImageStore;
import io.tavola.restaurant.restaurant.RestaurantDtos.CreateRestaurant;
import io.tavola.restaurant.restaurant.RestaurantDtos.RestaurantView;
import io.tavola.restaurant.restaurant.RestaurantDtos.UpdateRestaurant;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
 * Restaurants. Master admin creates and lists all; a restaurant's admin reads and edits its own (not
 * its active flag or subscription); its chefs and waiters read it.
 */
@Path("/api/v1/restaurants")
@Authenticated
public class RestaurantResource {

    @Inject
    Caller caller;

    @Inject
    Restaurants restaurants;

    @Inject
    ImageStore images;

    @POST
    public Uni<Response> create(@Valid @NotNull CreateRestaurant request, UriInfo uri) {
        if (!caller.isMaster()) {
            throw ApiException.forbidden("Only a master admin creates restaurants");
        }
        return restaurants.create(request).map(r -> Response
                .created(uri.getAbsolutePathBuilder().path(r.id.toString()).build())
                .entity(RestaurantView.of(r)).build());
    }

    /**
     * {@code ?q=} a part of the name (any case), {@code ?sort=} one of {@link Restaurants#SORTS}. A master
     * admin searches every restaurant; staff get a page holding at most their own (the tenant filter).
     */
    @GET
    public Uni<PageResult<RestaurantView>> list(@QueryParam("q") @Size(max = 100) String q,
            @QueryParam("sort") @Pattern(regexp = "-?(created_at|name)",
                    message = "must be one of created_at, -created_at, name, -name") String sort,
            @Valid @BeanParam PageRequest page) {
        if (!caller.isMaster() && !caller.role().isStaff()) {
            throw ApiException.forbidden("Only staff list restaurants");
        }
        return restaurants.list(q, sort, page);
    }

    @GET
    @Path("{rid}")
    public Uni<RestaurantView> get(@PathParam("rid") UUID rid) {
        caller.staffScope(rid, Role.RESTAURANT_ADMIN, Role.CHEF, Role.WAITER);
        return restaurants.get(rid).map(RestaurantView::of);
    }

    @PATCH
    @Path("{rid}")
    public Uni<RestaurantView> update(@PathParam("rid") UUID rid, @Valid @NotNull UpdateRestaurant request) {
        caller.staffScope(rid, Role.RESTAURANT_ADMIN);
        return restaurants.update(rid, request, caller.isMaster()).map(RestaurantView::of);
    }

    /** The logo: the raw image bytes as the body (JPEG, PNG or WebP, at most 2 MB). */
    @PUT
    @Path("{rid}/logo")
    @Consumes(MediaType.WILDCARD)
    public Uni<RestaurantView> putLogo(@PathParam("rid") UUID rid, byte[] body) {
        caller.staffScope(rid, Role.RESTAURANT_ADMIN);
        images.check(body);
        return restaurants.setLogo(rid, body).map(RestaurantView::of);
    }

    @DELETE
    @Path("{rid}/logo")
    public Uni<RestaurantView> deleteLogo(@PathParam("rid") UUID rid) {
        caller.staffScope(rid, Role.RESTAURANT_ADMIN);
        return restaurants.deleteLogo(rid).map(RestaurantView::of);
    }
}
