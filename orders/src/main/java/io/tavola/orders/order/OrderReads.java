package io.tavola.orders.order;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.tavola.common.error.ApiException;
import io.tavola.common.outbox.Outbox;
import io.tavola.common.security.Caller;
import io.tavola.common.security.Role;
import io.tavola.common.web.PageRequest;
import io.tavola.common.web.PageResult;
import io.tavola.orders.tab.TableSession;
import io.tavola.orders.web.Sequenced;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Reading orders: staff see their restaurant's, customers their own, guests their table session's. */
@ApplicationScoped
public class OrderReads {

    /** The filters of {@code GET /api/v1/orders}, as the client sent them. */
    public record Filter(UUID restaurantId, String status, UUID tableId, String from, String to, boolean active) {}

    @Inject
    Caller caller;

    @Inject
    OrderViews views;

    @Inject
    Outbox outbox;

    /** An order of the caller's scope that it may see; 404 for any other, exactly like a missing one. */
    public Uni<OrderView> get(UUID id) {
        caller.customerScope();
        return Panache.withSession(() -> CustomerOrder.<CustomerOrder>findById(id).chain(order -> {
            if (order == null || !caller.sees(order.tableId, order.customerId)) {
                throw ApiException.notFound("Order");
            }
            return views.view(order);
        }));
    }

    /**
     * A restaurant's kitchen board ({@code active=true} for staff or a master) is a live client's snapshot:
     * it comes with the sequence it is current to, read in one transaction that holds the restaurant's
     * writers meanwhile.
     */
    public Uni<Sequenced<PageResult<OrderView>>> list(Filter filter, PageRequest page) {
        Role role = caller.role();
        UUID board = null;
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        Uni<Boolean> scoped;
        if (role == Role.CUSTOMER) {
            caller.customerScope();
            where.add("customerId = :customer");
            params.and("customer", caller.userId());
            scoped = Uni.createFrom().item(true);
        } else if (role == Role.GUEST) {
            UUID table = caller.tableId().orElseThrow(() -> ApiException.forbidden("The guest token names no table"));
            where.add("sessionId = :session");
            // a guest sees the orders of the open session at its table (none when there is none)
            scoped = Panache.withSession(() -> TableSession.<TableSession>find("tableId = ?1 and status = ?2",
                    table, TableSession.OPEN).firstResult())
                    .map(tab -> {
                        params.and("session", tab == null ? UUID.randomUUID() : tab.id);
                        return tab != null;
                    });
        } else {
            // staff read their restaurant, a master the one it names; the tenant filter does the rest
            UUID restaurant = caller.staffScope(filter.restaurantId(), Role.STAFF);
            scoped = Uni.createFrom().item(true);
            board = filter.active() ? restaurant : null;
        }
        if (filter.active()) {
            where.add("status in :statuses");
            params.and("statuses", List.copyOf(OrderStatus.ACTIVE));
        }
        if (filter.status() != null && !filter.status().isBlank()) {
            where.add("status = :status");
            params.and("status", status(filter.status()));
        }
        if (filter.tableId() != null) {
            where.add("tableId = :table");
            params.and("table", filter.tableId());
        }
        if (filter.from() != null) {
            where.add("createdAt >= :from");
            params.and("from", instant("from", filter.from()));
        }
        if (filter.to() != null) {
            where.add("createdAt < :to");
            params.and("to", instant("to", filter.to()));
        }
        // the kitchen board works oldest first; history lists newest first
        Sort sort = filter.active() ? Sort.ascending("createdAt", "id") : Sort.descending("createdAt", "id");
        // the tenant filter bounds even a query with no condition of its own
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        if (board != null) {
            UUID restaurant = board;
            return Panache.withTransaction(() -> outbox.snapshotSequence(restaurant)
                    .chain(sequence -> page(query, sort, params, page).map(found -> new Sequenced<>(found, sequence))));
        }
        return scoped.chain(any -> Panache.withSession(() -> page(query, sort, params, page)))
                .map(found -> new Sequenced<>(found, null));
    }

    private Uni<PageResult<OrderView>> page(String query, Sort sort, Parameters params, PageRequest page) {
        var found = CustomerOrder.<CustomerOrder>find(query, sort, params);
        return found.page(Page.of(page.page, page.size)).list()
                .chain(orders -> found.count().chain(total -> views.views(orders)
                        .map(list -> new PageResult<>(list, page.page, page.size, total))));
    }

    private static OrderStatus status(String value) {
        try {
            return OrderStatus.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("status", "must be one of PENDING, CONFIRMED, PREPARING, READY, SERVED, "
                    + "COMPLETED, CANCELLED");
        }
    }

    static Instant instant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(field, "must be an ISO-8601 UTC timestamp such as 2026-11-25T12:00:00Z");
        }
    }
}
