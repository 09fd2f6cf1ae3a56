package io.tavola.customers.history;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.tavola.common.error.ApiException;
import io.tavola.common.web.PageRequest;
import io.tavola.common.web.PageResult;
import io.tavola.customers.profile.Profiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The order history as customers and staff read it, in the scope the caller set. */
@ApplicationScoped
public class HistoryReads {

    private static final String ACCOUNT_ORDERS = " from OrderHistory o"
            + " where o.customerId is not null and o.status <> 'CANCELLED'";

    @Inject
    Profiles profiles;

    /**
     * A customer's orders, newest first; {@code restaurantId} is the customer's own filter ("my orders at
     * this restaurant"), not a tenant bound: the scope is that.
     */
    public Uni<PageResult<OrderHistoryView>> ordersOf(UUID customerId, UUID restaurantId, PageRequest page) {
        return Panache.withSession(() -> history(customerId, restaurantId, page));
    }

    /** Staff: one customer's orders at their restaurant; 404 if they never ordered there. */
    public Uni<PageResult<OrderHistoryView>> ordersHere(UUID customerId, PageRequest page) {
        return Panache.withSession(() -> history(customerId, null, page)).map(result -> {
            if (result.total() == 0) {
                throw ApiException.notFound("Customer");
            }
            return result;
        });
    }

    /** Staff: the customers with an account who ordered here, most recent first. */
    public Uni<PageResult<CustomerSummary>> customers(PageRequest page) {
        String grouped = "select o.customerId, count(o), sum(o.totalAmount), max(o.orderedAt)" + ACCOUNT_ORDERS
                + " group by o.customerId order by max(o.orderedAt) desc";
        return Panache.withSession(() -> OrderHistory.getSession().chain(session -> session
                .createSelectionQuery(grouped, Object[].class)
                .setFirstResult(page.offset()).setMaxResults(page.size).getResultList())
                .chain(rows -> OrderHistory.count("select count(distinct o.customerId)" + ACCOUNT_ORDERS)
                        .chain(total -> profiles.displayNames(rows.stream().map(r -> (UUID) r[0]).toList())
                                .map(names -> new PageResult<>(rows.stream().map(r -> new CustomerSummary(
                                        (UUID) r[0], names.get((UUID) r[0]), (Long) r[1], (BigDecimal) r[2],
                                        (Instant) r[3])).toList(), page.page, page.size, total)))));
    }

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
}
