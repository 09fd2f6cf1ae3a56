package io.tavola.orders.session;

import io.tavola.orders.tab.SessionSummary;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tavola.common.security.Role;
import io.tavola.common.web.PageRequest;
import io.tavola.common.web.PageResult;
import io.tavola.orders.web.QueryValues;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
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

@Path("/api/v1/sessions")
@Authenticated
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
        return sessions.list(QueryValues.uuid("restaurant_id", restaurantId), status, page);
    }

    @GET
    @Path("/current")
    @RolesAllowed(Role.GUEST_ROLE)
    public Uni<SessionView> current() {
        return sessions.current();
    }

    /** With {@code Event-Sequence}: the live session screen's snapshot. */
    @GET
    @Path("/{id}")
    public Uni<RestResponse<SessionView>> get(@PathParam("id") UUID id) {
        return sessions.get(id).map(sequenced -> sequenced.response());
    }

    /** The caller's own place at the table: its first name ({@code {"name": "Ada"}}, null to take it back). */
    @PUT
    @Path("/{id}/me")
    public Uni<SessionView.Diner> nameMe(@PathParam("id") UUID id, @NotNull @Valid DinerRequest request) {
        return sessions.nameMe(id, request);
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
        return bills.bill(id, new SessionBills.Ask(QueryValues.decimal("tip_percent", tipPercent),
                QueryValues.decimal("tip_amount", tipAmount), split, QueryValues.integer("parts", parts)));
    }
}
