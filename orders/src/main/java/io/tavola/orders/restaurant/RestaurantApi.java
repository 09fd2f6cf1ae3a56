package io.tavola.orders.restaurant;

import io.smallrye.mutiny.Uni;
import io.tavola.common.menu.PriceBook;
import io.tavola.common.menu.Quote;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The part of the restaurant service's HTTP API this service uses. */
@RegisterRestClient(configKey = "restaurant")
@Path("/")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface RestaurantApi {

    @POST
    @Path("api/v1/restaurants/{rid}/menu/quote")
    Uni<Quote> quote(@PathParam("rid") UUID restaurantId, Quote.Request request);

    /** Every item's price and rules under the restaurant's menu version (for the restaurant.PriceBooks copies). */
    @GET
    @Path("internal/v1/restaurants/{rid}/price-book")
    Uni<PriceBook> book(@PathParam("rid") UUID restaurantId);

    /** A table of the restaurant, as the caller may see it (another restaurant's or an unknown one: 404). */
    @GET
    @Path("api/v1/restaurants/{rid}/tables/{id}")
    Uni<TableRef> table(@PathParam("rid") UUID restaurantId, @PathParam("id") UUID tableId,
            @HeaderParam("Authorization") String authorization);
}
