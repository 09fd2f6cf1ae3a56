package io.tavola.customers.loyalty;

import io.smallrye.mutiny.Uni;
import io.tavola.common.security.Caller;
import io.tavola.common.security.Role;
import io.tavola.customers.loyalty.LoyaltyDtos.LoyaltyView;
import io.tavola.customers.loyalty.LoyaltyDtos.RateView;
import io.tavola.customers.loyalty.LoyaltyDtos.SetRate;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

@Path("/api/v1/customers")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class LoyaltyResource {

    @Inject
    Caller caller;

    @Inject
    LoyaltyLedger ledger;

    /** The caller's points: balance in all, per restaurant, and the ledger newest first. */
    @GET
    @Path("/me/loyalty")
    @RolesAllowed(Role.CUSTOMER_ROLE)
    public Uni<LoyaltyView> mine() {
        caller.customerScope();
        return ledger.pointsOf(caller.userId());
    }

    @GET
    @Path("/loyalty/{restaurantId}/rate")
    @RolesAllowed({ Role.MASTER, Role.ADMIN })
    public Uni<RateView> rate(@PathParam("restaurantId") UUID restaurantId) {
        UUID rid = caller.staffScope(restaurantId, Role.RESTAURANT_ADMIN);
        return ledger.rate(rid).map(rate -> new RateView(rid, rate));
    }

    @PUT
    @Path("/loyalty/{restaurantId}/rate")
    @RolesAllowed({ Role.MASTER, Role.ADMIN })
    public Uni<RateView> setRate(@PathParam("restaurantId") UUID restaurantId, @Valid @NotNull SetRate body) {
        UUID rid = caller.staffScope(restaurantId, Role.RESTAURANT_ADMIN);
        return ledger.setRate(rid, body.pointsPerUnit()).map(rate -> new RateView(rid, rate));
    }
}
