package io.tavola.customers.loyalty;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.tavola.common.security.Caller;
import io.tavola.common.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

@Path("/api/v1/customers")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class LoyaltyResource {

    @Inject
    Caller caller;

    @Inject
    LoyaltyService loyalty;

    public record LedgerLine(UUID restaurantId, UUID orderId, int points, String reason, Instant createdAt) {}

    public record LoyaltyView(long balance, Map<UUID, Long> balanceByRestaurant, List<LedgerLine> ledger) {}

    public record RateView(UUID restaurantId, BigDecimal pointsPerUnit) {}

    public record SetRate(@NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal pointsPerUnit) {}

    /** The caller's points: balance in all, per restaurant, and the ledger newest first. */
    @GET
    @Path("/me/loyalty")
    @RolesAllowed(Role.CUSTOMER_ROLE)
    @WithSession
    public Uni<LoyaltyView> mine() {
        caller.customerScope();
        return LoyaltyEntry.<LoyaltyEntry>find("customerId", Sort.descending("createdAt"), caller.userId()).list()
                .map(entries -> {
                    Map<UUID, Long> perRestaurant = new TreeMap<>();
                    long balance = 0;
                    for (LoyaltyEntry e : entries) {
                        balance += e.points;
                        perRestaurant.merge(e.restaurantId, (long) e.points, Long::sum);
                    }
                    return new LoyaltyView(balance, perRestaurant, entries.stream().map(e -> new LedgerLine(
                            e.restaurantId, e.orderId, e.points, e.reason, e.createdAt)).toList());
                });
    }

    @GET
    @Path("/loyalty/{restaurantId}/rate")
    @RolesAllowed({ Role.MASTER, Role.ADMIN })
    @WithSession
    public Uni<RateView> rate(@PathParam("restaurantId") UUID restaurantId) {
        UUID rid = caller.staffScope(restaurantId, Role.RESTAURANT_ADMIN);
        return loyalty.rate(rid).map(rate -> new RateView(rid, rate));
    }

    @PUT
    @Path("/loyalty/{restaurantId}/rate")
    @RolesAllowed({ Role.MASTER, Role.ADMIN })
    @WithTransaction
    public Uni<RateView> setRate(@PathParam("restaurantId") UUID restaurantId, @Valid @NotNull SetRate body) {
        UUID rid = caller.staffScope(restaurantId, Role.RESTAURANT_ADMIN);
        return LoyaltySettings.<LoyaltySettings>findById(rid).chain(found -> {
            LoyaltySettings settings = found != null ? found : new LoyaltySettings();
            settings.restaurantId = rid;
            settings.pointsPerUnit = body.pointsPerUnit();
            settings.updatedAt = Instant.now();
            return (found != null ? Uni.createFrom().item(settings) : settings.<LoyaltySettings>persist())
                    .map(saved -> new RateView(rid, saved.pointsPerUnit));
        });
    }
}
