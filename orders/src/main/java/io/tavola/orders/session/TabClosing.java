package io.tavola.orders.session;

import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tavola.common.error.ApiException;
import io.tavola.common.event.EventType;
import io.tavola.common.outbox.Outbox;
import io.tavola.common.security.Role;
import io.tavola.common.security.TokenRevocations;
import io.tavola.orders.order.CustomerOrder;
import io.tavola.orders.order.OrderStatus;
import io.tavola.orders.order.OrderStatusFlow;
import io.tavola.orders.tab.SessionSummary;
import io.tavola.orders.tab.TableSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Closing a tab, by staff or by the idle-tab sweep: its orders settled, the session closed and announced
 * in the caller's transaction (which holds the session row), and afterwards its guests' tokens ended.
 */
@ApplicationScoped
public class TabClosing {

    private static final Set<OrderStatus> IN_THE_KITCHEN = EnumSet.of(OrderStatus.PREPARING, OrderStatus.READY,
            OrderStatus.SERVED, OrderStatus.COMPLETED);

    @Inject
    OrderStatusFlow flow;

    @Inject
    Outbox outbox;

    @Inject
    TokenRevocations revocations;

    /**
     * {@code completed}: nothing may still be on its way from the kitchen, served orders complete with it.
     * {@code cancelled}: only while nothing was cooked; open orders are cancelled.
     */
    public Uni<TableSession> close(TableSession tab, String outcome, UUID by, String byRole) {
        if (!TableSession.OPEN.equals(tab.status)) {
            throw ApiException.conflict("session-closed", "The session is already " + tab.status);
        }
        // the kitchen may be moving these orders right now: settle them one change at a time
        return CustomerOrder.<CustomerOrder>find("sessionId = ?1", Sort.ascending("createdAt", "id"), tab.id)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .chain(orders -> settle(orders, outcome, by, byRole))
                .chain(() -> {
                    tab.status = outcome;
                    tab.closedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    return outbox.add(EventType.SESSION_CLOSED, tab.restaurantId, SessionSummary.of(tab));
                })
                .replaceWith(tab);
    }

    /** After the close committed: the guests' tokens of this session end at every service (and their sockets). */
    public Uni<Void> endGuestTokens(List<SessionView.Diner> diners) {
        return Multi.createFrom().iterable(diners)
                .filter(diner -> Role.GUEST.wire().equals(diner.role()))
                .onItem().transformToUniAndConcatenate(diner -> revocations.revokeUser(diner.userId()))
                .collect().asList().replaceWithVoid();
    }

    private Uni<Void> settle(List<CustomerOrder> orders, String outcome, UUID by, String byRole) {
        boolean completing = TableSession.COMPLETED.equals(outcome);
        for (CustomerOrder order : orders) {
            boolean blocks = completing ? OrderStatus.ACTIVE.contains(order.status)
                    : IN_THE_KITCHEN.contains(order.status);
            if (blocks) {
                throw ApiException.conflict("session-has-open-orders", completing
                        ? "An order of this table is still " + order.status + "; serve or cancel it first"
                        : "An order of this table is already " + order.status + "; complete the session instead");
            }
        }
        OrderStatus to = completing ? OrderStatus.COMPLETED : OrderStatus.CANCELLED;
        List<CustomerOrder> moving = orders.stream()
                .filter(o -> completing ? o.status == OrderStatus.SERVED : o.status.canMoveTo(OrderStatus.CANCELLED))
                .toList();
        return Multi.createFrom().iterable(moving)
                .onItem().transformToUniAndConcatenate(order -> flow.apply(order, to, by, byRole))
                .collect().asList()
                .replaceWithVoid();
    }
}
