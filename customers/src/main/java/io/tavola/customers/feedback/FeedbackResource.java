package io.tavola.customers.feedback;

import io.smallrye.mutiny.Uni;
import io.tavola.common.security.Caller;
import io.tavola.common.security.Role;
import io.tavola.common.web.PageRequest;
import io.tavola.customers.feedback.FeedbackDtos.FeedbackPage;
import io.tavola.customers.feedback.FeedbackDtos.FeedbackView;
import io.tavola.customers.feedback.FeedbackDtos.NewFeedback;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

@Path("/api/v1/feedback")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class FeedbackResource {

    @Inject
    Caller caller;

    @Inject
    FeedbackInbox inbox;

    /** A diner rates one of its own served or completed orders, once. */
    @POST
    @RolesAllowed({ Role.CUSTOMER_ROLE, Role.GUEST_ROLE })
    public Uni<Response> rate(@Valid @NotNull NewFeedback body) {
        caller.customerScope();
        // no Location: a rating has no address of its own (it is read in the restaurant's list)
        return inbox.rate(body)
                .map(saved -> Response.status(Response.Status.CREATED).entity(FeedbackView.of(saved)).build());
    }

    /** Staff: their restaurant's feedback, newest first, with the average and the 1-5 distribution. */
    @GET
    @RolesAllowed({ Role.MASTER, Role.ADMIN, Role.WAITER_ROLE, Role.CHEF_ROLE })
    public Uni<FeedbackPage> list(@QueryParam("restaurant_id") UUID restaurantId, @Valid @BeanParam PageRequest page) {
        caller.staffScope(restaurantId, Role.STAFF);
        return inbox.list(page);
    }
}
