package io.tavola.customers.history;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.tavola.common.error.ApiException;
import io.tavola.common.security.Caller;
import io.tavola.common.security.Role;
import io.tavola.common.web.PageRequest;
import io.tavola.common.web.PageResult;
import io.tavola.customers.profile.CustomerProfile;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@Path("/api/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
public class HistoryResource {

    @Inject
    Caller caller;

    public record CustomerSummary(UUID customerId, String displayName, long orderCount, BigDecimal totalSpent,
            Instant lastOrderAt) {}

    /** The caller's orders, newest first, optionally at one restaurant. */
    @GET
    @Path("/me/orders")
    @RolesAllowed(Role.CUSTOMER_ROLE)
    @WithSession
    public Uni<PageResult<OrderHistoryView>> myOrders(@QueryParam("restaurant_id") UUID restaurantId,
            @Valid @BeanParam PageRequest page) {
        caller.customerScope();
        return history(caller.userId(), restaurantId, page);
    }

    /** Staff: the customers with an account who ordered at their restaurant, most recent first. */
    @GET
    @RolesAllowed({ Role.MASTER, Role.ADMIN, Role.WAITER_ROLE, Role.CHEF_ROLE })
    @WithSession
    public Uni<PageResult<CustomerSummary>> customersOf(@QueryParam("restaurant_id") UUID restaurantId,
            @Valid @BeanParam PageRequest page) {
        caller.staffScope(restaurantId, Role.STAFF);
        String grouped = "select o.customerId, count(o), sum(o.totalAmount), max(o.orderedAt) from OrderHistory o"
                + " where o.customerId is not null and o.status <> 'CANCELLED'"
                + " group by o.customerId order by max(o.orderedAt) desc";
        return OrderHistory.getSession().chain(session -> session.createSelectionQuery(grouped, Object[].class)
                .setFirstResult(page.offset()).setMaxResults(page.size).getResultList()
                .chain(rows -> OrderHistory.count("select count(distinct o.customerId) from OrderHistory o"
                        + " where o.customerId is not null and o.status <> 'CANCELLED'")
                        .chain(total -> names(rows.stream().map(r -> (UUID) r[0]).toList()).map(names -> new PageResult<>(
                                rows.stream().map(r -> new CustomerSummary((UUID) r[0], names.get((UUID) r[0]),
                                        (Long) r[1], (BigDecimal) r[2], (Instant) r[3])).toList(),
                                page.page, page.size, total)))));
    }

    /** Staff: one customer's history at their restaurant only; 404 if they never ordered there. */
    @GET
    @Path("/{customerId}/orders")
    @RolesAllowed({ Role.MASTER, Role.ADMIN, Role.WAITER_ROLE, Role.CHEF_ROLE })
    @WithSession
    public Uni<PageResult<OrderHistoryView>> customerOrders(@PathParam("customerId") UUID customerId,
            @QueryParam("restaurant_id") UUID restaurantId, @Valid @BeanParam PageRequest page) {
        caller.staffScope(restaurantId, Role.STAFF);
        return history(customerId, null, page).map(result -> {
            if (result.total() == 0) {
                throw ApiException.notFound("Customer");
            }
            return result;
        });
    }

    /**
     * A customer's orders in the current scope; {@code restaurantId} is the customer's own filter ("my
     * orders at this restaurant"), not a tenant bound: the scope is that.
     */
    private static Uni<PageResult<OrderHistoryView>> history(UUID customerId, UUID restaurantId, PageRequest page) {
        String query = restaurantId == null ? "customerId = :customer" : "customerId = :customer and restaurantId = :restaurant";
        Parameters params = Parameters.with("customer", customerId);
        if (restaurantId != null) {
            params.and("restaurant", restaurantId);
        }
        var found = OrderHistory.<OrderHistory>find(query, Sort.descending("orderedAt"), params)
                .page(Page.of(page.page, page.size));
        return found.list().chain(orders -> found.count().map(total -> new PageResult<>(
                orders.stream().map(OrderHistoryView::of).toList(), page.page, page.size, total)));
    }

    private static Uni<Map<UUID, String>> names(List<UUID> customerIds) {
        if (customerIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return CustomerProfile.<CustomerProfile>list("customerId in ?1", customerIds).map(profiles -> profiles.stream()
                .filter(p -> p.displayName != null)
                .collect(Collectors.toMap(p -> p.customerId, p -> p.displayName, (a, b) -> a)))
                .map(Function.identity());
    }
}
