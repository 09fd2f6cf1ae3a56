package io.tavola.customers.history;

import io.smallrye.mutiny.Uni;
import io.tavola.common.security.Caller;
import io.tavola.common.security.Role;
import io.tavola.common.web.PageRequest;
import io.tavola.common.web.PageResult;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

@Path("/api/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
public class HistoryResource {

    @Inject
    Caller caller;

    @Inject
    HistoryReads history;

    /** The caller's orders, newest first, optionally at one restaurant. */
    @GET
    @Path("/me/orders")
    @RolesAllowed(Role.CUSTOMER_ROLE)
    public Uni<PageResult<OrderHistoryView>> myOrders(@QueryParam("restaurant_id") UUID restaurantId,
            @Valid @BeanParam PageRequest page) {
        caller.customerScope();
        return history.ordersOf(caller.userId(), restaurantId, page);
    }

    /** Staff: the customers with an account who ordered at their restaurant, most recent first. */
    @GET
    @RolesAllowed({ Role.MASTER, Role.ADMIN, Role.WAITER_ROLE, Role.CHEF_ROLE })
    public Uni<PageResult<CustomerSummary>> customersOf(@QueryParam("restaurant_id") UUID restaurantId,
            @Valid @BeanParam PageRequest page) {
        caller.staffScope(restaurantId, Role.STAFF);
        return history.customers(page);
    }

    /** Staff: one customer's history at their restaurant only; 404 if they never ordered there. */
    @GET
    @Path("/{customerId}/orders")
    @RolesAllowed({ Role.MASTER, Role.ADMIN, Role.WAITER_ROLE, Role.CHEF_ROLE })
    public Uni<PageResult<OrderHistoryView>> customerOrders(@PathParam("customerId") UUID customerId,
            @QueryParam("restaurant_id") UUID restaurantId, @Valid @BeanParam PageRequest page) {
        caller.staffScope(restaurantId, Role.STAFF);
        return history.ordersHere(customerId, page);
    }
}
