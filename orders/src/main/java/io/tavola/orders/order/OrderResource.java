package io.tavola.orders.order;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tavola.common.error.ApiException;
import io.tavola.common.web.PageRequest;
import io.tavola.common.web.PageResult;
import io.tavola.orders.web.QueryValues;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/orders")
@Authenticated
public class OrderResource {

    @Inject
    OrderPlacement placement;

    @Inject
    OrderReads reads;

    @Inject
    OrderStatusFlow flow;

    /** Places an order; a retry with the same {@code Idempotency-Key} answers the first order again (201). */
    @POST
    public Uni<Response> place(@NotNull @Valid PlaceOrderRequest request,
            @HeaderParam("Idempotency-Key") String idempotencyKey, @Context UriInfo uri) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw ApiException.invalidField("Idempotency-Key", "must be 1 to 200 characters");
        }
        return placement.place(request, idempotencyKey)
                .map(placed -> Response.created(uri.getBaseUriBuilder().path("api/v1/orders")
                        .path(placed.order().id().toString()).build())
                        .header("Idempotent-Replayed", placed.replayed())
                        .entity(placed.order()).build());
    }

    /** With {@code active=true} for one restaurant (the kitchen board) also {@code Event-Sequence}. */
    @GET
    public Uni<RestResponse<PageResult<OrderView>>> list(@QueryParam("restaurant_id") String restaurantId,
            @QueryParam("status") String status, @QueryParam("table_id") String tableId,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("active") boolean active,
            @Valid @BeanParam PageRequest page) {
        return reads.list(new OrderReads.Filter(QueryValues.uuid("restaurant_id", restaurantId), status,
                QueryValues.uuid("table_id", tableId),
                from, to, active), page).map(listed -> listed.response());
    }

    @GET
    @Path("/{id}")
    public Uni<OrderView> get(@PathParam("id") UUID id) {
        return reads.get(id);
    }

    @PUT
    @Path("/{id}/status")
    public Uni<OrderView> changeStatus(@PathParam("id") UUID id, @NotNull @Valid StatusChangeRequest request) {
        return flow.change(id, request.status());
    }
}
