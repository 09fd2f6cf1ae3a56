package io.tavola.orders.session;

import io.tavola.orders.tab.DinerName;
import io.tavola.orders.tab.TableSession;
import io.tavola.orders.tab.SessionTabs;
import io.tavola.orders.tab.SessionDiner;
import io.tavola.orders.tab.SessionSummary;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.tavola.common.error.ApiException;
import io.tavola.common.security.Caller;
import io.tavola.common.security.Role;
import io.tavola.common.web.PageRequest;
import io.tavola.common.web.PageResult;
import io.tavola.orders.order.CustomerOrder;
import io.tavola.orders.order.OrderViews;
import io.tavola.common.event.EventType;
import io.tavola.common.outbox.Outbox;
import io.tavola.common.outbox.OutboxRelay;
import io.tavola.orders.restaurant.RestaurantClient;
import io.tavola.orders.restaurant.RestaurantProfiles;
import io.tavola.orders.web.Sequenced;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;

/** Opening, joining, reading and closing table sessions. */
@ApplicationScoped
public class TableSessions {

    public record Opened(SessionView session, boolean opened) {}

    @Inject
    Caller caller;

    @Inject
    SessionTabs tabs;

    @Inject
    OrderViews orderViews;

    @Inject
    TabClosing closing;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    RestaurantClient restaurants;

    /**
     * Opens the table's session or joins the open one, without asking the restaurant service: the
     * currency is the one last quoted for the restaurant (the first order sets it otherwise).
     */
    public Uni<Opened> openOrJoin(OpenSessionRequest request) {
        Role role = caller.role();
        UUID restaurantId;
        UUID tableId;
        if (role == Role.GUEST) {
            restaurantId = caller.ownRestaurant();
            tableId = caller.tableId().orElseThrow(() -> ApiException.forbidden("The guest token names no table"));
        } else if (role == Role.MASTER_ADMIN || role == Role.RESTAURANT_ADMIN || role == Role.WAITER) {
            restaurantId = caller.staffScope(request == null ? null : request.restaurantId(), Role.RESTAURANT_ADMIN,
                    Role.WAITER);
            tableId = request == null ? null : request.tableId();
            if (tableId == null) {
                throw ApiException.invalidField("table_id", "is required");
            }
        } else {
            throw ApiException.forbidden("Your role may not open a table session");
        }
        String requested = request == null ? null : request.tableLabel();
        String dinerName = DinerName.of(request == null ? null : request.dinerName(), "diner_name");
        if (dinerName != null && role != Role.GUEST) {
            throw ApiException.invalidField("diner_name", "is for the guests at the table");
        }
        String label = role == Role.GUEST ? caller.tableLabel().orElse(requested) : requested;
        UUID userId = caller.userId();
        // a guest's table is in its token; a table staff name must be one of the restaurant's
        Uni<?> tableKnown = role == Role.GUEST ? Uni.createFrom().voidItem()
                : restaurants.requireTable(restaurantId, tableId, caller.bearer());
        return tableKnown.chain(() -> Panache.withTransaction(() -> RestaurantProfiles.find(restaurantId)
                .chain(profile -> tabs.openOrJoin(restaurantId, tableId, label,
                        profile == null ? null : profile.currency(), userId, role.wire(), dinerName))
                .call(joined -> announce(joined))
                .chain(joined -> view(joined.session()).map(v -> new Opened(v, joined.opened())))))
                .invoke(relay::wake);
    }

    /**
     * A new session is announced as opened; one that a diner joined, or where a diner gave another name,
     * as updated, so the others at the table learn who is there.
     */
    private Uni<Void> announce(SessionTabs.Joined joined) {
        TableSession tab = joined.session();
        if (joined.opened()) {
            return outbox.add(EventType.SESSION_OPENED, tab.restaurantId, SessionSummary.of(tab));
        }
        return joined.dinerChanged() ? outbox.add(EventType.SESSION_UPDATED, tab.restaurantId, SessionSummary.of(tab))
                : Uni.createFrom().voidItem();
    }

    /**
     * The guest gives its place at the table a first name (or, with null, takes it back). Only the diner
     * itself: a guest of another table, or anyone of another restaurant, does not see the session (404);
     * staff are not diners (403); a guest that has not joined the session is not at it (404).
     */
    public Uni<SessionView.Diner> nameMe(UUID id, DinerRequest request) {
        String name = DinerName.of(request.name(), "name");
        return Panache.withTransaction(() -> TableSession.<TableSession>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .chain(tab -> {
                    requireVisible(tab);
                    if (caller.role() != Role.GUEST) {
                        throw ApiException.forbidden("Only a diner at the table gives its own name");
                    }
                    if (!TableSession.OPEN.equals(tab.status)) {
                        throw ApiException.conflict("session-closed", "The session is already " + tab.status);
                    }
                    UUID me = caller.userId();
                    return tabs.rename(tab, me, name).chain(changed -> {
                        if (changed == null) {
                            throw ApiException.notFound("Diner");
                        }
                        return (changed ? outbox.add(EventType.SESSION_UPDATED, tab.restaurantId, SessionSummary.of(tab))
                                : Uni.createFrom().voidItem())
                                .chain(() -> diners(tab.id))
                                .map(diners -> diners.stream().filter(d -> d.userId().equals(me)).findFirst()
                                        .orElseThrow());
                    });
                }))
                .invoke(relay::wake);
    }

    /** The open session of the guest's table (in its restaurant: the guest's tenant scope). */
    public Uni<SessionView> current() {
        UUID tableId = caller.tableId().orElseThrow(() -> ApiException.forbidden("The guest token names no table"));
        return Panache.withSession(() -> TableSession.<TableSession>find("tableId = ?1 and status = ?2", tableId,
                TableSession.OPEN)
                .firstResult()
                .chain(tab -> {
                    if (tab == null) {
                        throw ApiException.notFound("Open session for this table");
                    }
                    return view(tab);
                }));
    }

    /**
     * A session as a live client's snapshot: with the restaurant's {@code orders} sequence it is current
     * to. The session row is read again once the restaurant's writers are held, so a close committed
     * just before is in it.
     */
    public Uni<Sequenced<SessionView>> get(UUID id) {
        return Panache.withTransaction(() -> visible(id).chain(tab -> outbox.snapshotSequence(tab.restaurantId)
                .call(sequence -> Panache.getSession().chain(session -> session.refresh(tab)))
                .chain(sequence -> view(tab).map(view -> new Sequenced<>(view, sequence)))));
    }

    public Uni<PageResult<SessionSummary>> list(UUID requestedRestaurant, String status, PageRequest page) {
        caller.staffScope(requestedRestaurant, Role.STAFF);
        if (status != null && !List.of(TableSession.OPEN, TableSession.COMPLETED, TableSession.CANCELLED)
                .contains(status)) {
            throw ApiException.invalidField("status", "must be open, completed or cancelled");
        }
        return Panache.withSession(() -> {
            var found = status == null
                    ? TableSession.<TableSession>findAll(Sort.descending("openedAt", "id"))
                    : TableSession.<TableSession>find("status", Sort.descending("openedAt", "id"), status);
            return found.page(Page.of(page.page, page.size)).list()
                    .map(tabsFound -> tabsFound.stream().map(SessionSummary::of).toList())
                    .chain(items -> found.count().map(total -> new PageResult<>(items, page.page, page.size, total)));
        });
    }

    /**
     * Staff close the tab. {@code completed}: nothing may still be on its way from the kitchen, served
     * orders complete with it. {@code cancelled}: only while nothing was cooked; open orders are cancelled.
     */
    public Uni<SessionView> close(UUID id, String outcome) {
        return Panache.withTransaction(() -> TableSession.<TableSession>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .chain(tab -> {
                    requireVisible(tab);
                    // a guest at this table, or a chef, may see the tab but not close it (403)
                    caller.staffScope(tab.restaurantId, Role.RESTAURANT_ADMIN, Role.WAITER);
                    return closing.close(tab, outcome, caller.userId(), caller.role().wire());
                })
                .chain(this::view))
                .invoke(relay::wake)
                .call(closed -> closing.endGuestTokens(closed.diners()));
    }

    /** Loads a session the caller may see; 404 for anyone else, exactly like a missing one. */
    public Uni<TableSession> visible(UUID id) {
        return TableSession.<TableSession>findById(id).invoke(this::requireVisible);
    }

    /** Found in the caller's tenant scope, and a guest's only at its own table (a session has no customer). */
    private void requireVisible(TableSession tab) {
        if (tab == null || !caller.sees(tab.tableId, null)) {
            throw ApiException.notFound("Session");
        }
    }

    public Uni<SessionView> view(TableSession tab) {
        return diners(tab.id)
                .chain(diners -> CustomerOrder.<CustomerOrder>list("sessionId = ?1",
                        Sort.ascending("createdAt", "id"), tab.id)
                        .chain(orderViews::views)
                        .map(orders -> new SessionView(tab.id, tab.restaurantId, tab.tableId, tab.tableLabel,
                                tab.status, tab.openedAt, tab.closedAt, tab.totalAmount, tab.currency, diners, orders)));
    }

    /** Who is at the table, first come first (the bill names its parts from them too). */
    Uni<List<SessionView.Diner>> diners(UUID sessionId) {
        return SessionDiner.<SessionDiner>list("sessionId = ?1", Sort.ascending("joinedAt", "userId"), sessionId)
                .map(rows -> rows.stream()
                        .map(d -> new SessionView.Diner(d.userId, d.role, d.joinedAt, d.name))
                        .toList());
    }
}
