package io.tavola.orders.session;

import io.smallrye.mutiny.Uni;
import io.tavola.common.error.ApiException;
import io.tavola.common.security.Role;
import io.tavola.common.web.PageRequest;
import io.tavola.common.web.PageResult;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.UUID;

@Path("/api/v1/sessions")
@RolesAllowed({ Role.GUEST_ROLE, Role.WAITER_ROLE, Role.ADMIN, Role.MASTER, Role.CHEF_ROLE, Role.CUSTOMER_ROLE })
public class SessionResource {

    @Inject
    TableSessions sessions;

    @Inject
    ServiceRequests serviceRequests;

    @Inject
    SessionBills bills;

    /** Opens the table's session (201) or joins the open one (200). */
    @POST
    public Uni<Response> openOrJoin(@Valid OpenSessionRequest request, @Context UriInfo uri) {
        return sessions.openOrJoin(request).map(opened -> (opened.opened()
                ? Response.created(uri.getBaseUriBuilder().path("api/v1/sessions")
                        .path(opened.session().id().toString()).build())
                : Response.ok()).entity(opened.session()).build());
    }

    @GET
    public Uni<PageResult<SessionSummary>> list(@QueryParam("restaurant_id") String restaurantId,
            @QueryParam("status") String status, @Valid @BeanParam PageRequest page) {
        return sessions.list(uuid("restaurant_id", restaurantId), status, page);
    }

    @GET
    @Path("/current")
    @RolesAllowed(Role.GUEST_ROLE)
    public Uni<SessionView> current() {
        return sessions.current();
    }

    @GET
    @Path("/{id}")
    public Uni<SessionView> get(@PathParam("id") UUID id) {
        return sessions.get(id);
    }

    @POST
    @Path("/{id}/close")
    public Uni<SessionView> close(@PathParam("id") UUID id, @NotNull @Valid CloseSessionRequest request) {
        return sessions.close(id, request.status());
    }

    /** Call the waiter or ask for the bill; 429 with Retry-After inside the restaurant's cooldown. */
    @POST
    @Path("/{id}/service-requests")
    public Uni<Response> requestService(@PathParam("id") UUID id, @NotNull @Valid ServiceRequestBody body) {
        return serviceRequests.request(id, body.kind())
                .map(requested -> Response.status(Response.Status.CREATED).entity(requested).build());
    }

    /** The bill with an optional tip ({@code tip_percent} or {@code tip_amount}) and split. */
    @GET
    @Path("/{id}/bill")
    public Uni<Bill> bill(@PathParam("id") UUID id, @QueryParam("tip_percent") String tipPercent,
            @QueryParam("tip_amount") String tipAmount, @QueryParam("split") String split,
            @QueryParam("parts") String parts) {
        return bills.bill(id, new SessionBills.Ask(decimal("tip_percent", tipPercent), decimal("tip_amount", tipAmount),
                split, parts == null ? null : integer("parts", parts)));
    }

    private static BigDecimal decimal(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalidField(field, "must be a number");
        }
    }

    private static Integer integer(String field, String value) {
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalidField(field, "must be a whole number");
        }
    }

    private static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField(field, "must be a valid UUID");
        }
    }
}
