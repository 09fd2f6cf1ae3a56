package io.tavola.orders.order;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tavola.common.error.ApiException;
import io.tavola.common.security.Caller;
import io.tavola.common.security.Role;
import io.tavola.common.event.EventType;
import io.tavola.common.outbox.Outbox;
import io.tavola.common.outbox.OutboxRelay;
import io.tavola.orders.tab.SessionTabs;
import io.tavola.orders.tab.TableSession;
import io.tavola.orders.tab.SessionSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Moves orders along DESIGN.md's status flow, keeping the history and writing the events. */
@ApplicationScoped
public class OrderStatusFlow {

    @Inject
    Caller caller;

    @Inject
    OrderViews views;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    Event<OrderReady> readyOrders;

    public Uni<OrderView> change(UUID orderId, OrderStatus next) {
        // a customer's own order is found (and refused with 403), anyone else's is a 404
        caller.customerScope();
        return Panache.withTransaction(() -> locked(orderId, next)
                .chain(order -> {
                    if (order == null || !caller.sees(order.tableId, order.customerId)) {
                        throw ApiException.notFound("Order");
                    }
                    requireAllowed(order, next);
                    return apply(order, next, caller.userId(), caller.role().wire());
                }))
                .invoke(relay::wake)
                .invoke(view -> {
                    if (view.status() == OrderStatus.READY) {
                        readyOrders.fire(new OrderReady(view));
                    }
                });
    }

    /**
     * The order, held for this change: a concurrent second change sees the first one's result. A
     * cancellation changes the session's total, so it holds the session first, in the order placing
     * and closing take their locks (session, then orders), and cannot deadlock with either.
     */
    private Uni<CustomerOrder> locked(UUID orderId, OrderStatus next) {
        if (next != OrderStatus.CANCELLED) {
            return CustomerOrder.findById(orderId, LockModeType.PESSIMISTIC_WRITE);
        }
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "select o.sessionId from CustomerOrder o where o.id = ?1", UUID.class)
                .setParameter(1, orderId).getSingleResultOrNull())
                .call(sessionId -> sessionId == null ? Uni.createFrom().voidItem()
                        : TableSession.findById(sessionId, LockModeType.PESSIMISTIC_WRITE))
                .chain(() -> CustomerOrder.findById(orderId, LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * Applies a checked transition inside the caller's transaction: stamps the time, records the step,
     * writes the order event and, for a cancelled order at a table, takes it off the session's total
     * (the caller holds the session) and writes the session event.
     */
    public Uni<OrderView> apply(CustomerOrder order, OrderStatus next, UUID by, String byRole) {
        if (!order.status.canMoveTo(next)) {
            throw ApiException.conflict("invalid-status-transition",
                    "An order cannot move from " + order.status + " to " + next);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        OrderStatus from = order.status;
        order.moveTo(next, now);
        OrderStatusChange step = OrderStatusChange.of(order, from, next, by, byRole, now);
        return step.persist()
                .chain(() -> Panache.getSession().chain(s -> s.flush()))
                .chain(() -> views.view(order))
                .call(view -> outbox.add(next == OrderStatus.CANCELLED ? EventType.ORDER_CANCELLED : EventType.ORDER_STATUS_CHANGED,
                        order.restaurantId, view))
                .call(view -> next != OrderStatus.CANCELLED || order.sessionId == null ? Uni.createFrom().voidItem()
                        : TableSession.<TableSession>findById(order.sessionId)
                                .invoke(tab -> SessionTabs.charge(tab, order.totalAmount.negate()))
                                .chain(tab -> outbox.add(EventType.SESSION_UPDATED, order.restaurantId,
                                        SessionSummary.of(tab))));
    }

    /**
     * Staff move orders; only waiters and admins settle the walkout guard (confirm or reject a
     * PENDING order). A guest may only cancel its own order while it is PENDING.
     */
    private void requireAllowed(CustomerOrder order, OrderStatus next) {
        Role role = caller.role();
        if (role == Role.MASTER_ADMIN) {
            return;
        }
        if (role == Role.GUEST) {
            if (!caller.userId().equals(order.placedBy) || next != OrderStatus.CANCELLED) {
                throw ApiException.forbidden("A guest may only cancel its own pending order");
            }
            if (order.status != OrderStatus.PENDING) {
                throw ApiException.conflict("invalid-status-transition",
                        "Only a PENDING order can be cancelled by a guest; this one is " + order.status);
            }
            return;
        }
        if (role == Role.CUSTOMER) {
            throw ApiException.forbidden("Customers cannot change an order's status");
        }
        // staff of the order's restaurant (the tenant filter found it in theirs)
        if (role == Role.CHEF && order.status == OrderStatus.PENDING) {
            throw ApiException.forbidden("A waiter or admin confirms or rejects pending orders");
        }
    }
}
