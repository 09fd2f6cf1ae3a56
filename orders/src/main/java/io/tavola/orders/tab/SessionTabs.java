package io.tavola.orders.tab;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tavola.common.error.ApiException;
import io.tavola.common.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The table's tab inside a transaction: find the open session or open it. Two diners ordering at the
 * same instant both try to insert; the partial unique index lets one win and the other's insert does
 * nothing (it waits for the winner to commit), after which both read the winner's session. The row is
 * then held until the order's transaction ends: its total changes with the order, and staff cannot
 * close the tab while an order is being added to it.
 */
@ApplicationScoped
public class SessionTabs {

    public record Joined(TableSession session, boolean opened) {}

    public Uni<Joined> openOrJoin(UUID restaurantId, UUID tableId, String tableLabel, String currency, UUID userId,
            String role) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID candidate = UUID.randomUUID();
        Uni<Void> stillBound = Role.GUEST.wire().equals(role) ? refuseClosedGuest(userId) : Uni.createFrom().voidItem();
        return stillBound.chain(() -> Panache.getSession()).chain(session -> session.createNativeQuery(
                "insert into orders.table_session (id, restaurant_id, table_id, table_label, status, currency, opened_by, opened_at) "
                        + "values (?1, ?2, ?3, ?4, 'open', ?5, ?6, ?7) "
                        + "on conflict (table_id) where status = 'open' do nothing")
                .setParameter(1, candidate).setParameter(2, restaurantId).setParameter(3, tableId)
                .setParameter(4, tableLabel).setParameter(5, currency).setParameter(6, userId).setParameter(7, now)
                .executeUpdate())
                .chain(inserted -> TableSession.<TableSession>find("tableId = ?1 and status = ?2", tableId,
                        TableSession.OPEN)
                        .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                        .map(found -> {
                            // the tenant filter hides another restaurant's session, were one open at this id
                            if (found == null) {
                                throw ApiException.conflict("session-closed",
                                        "The table's session was closed a moment ago; please try again");
                            }
                            if (found.tableLabel == null && tableLabel != null) {
                                found.tableLabel = tableLabel;
                            }
                            if (found.currency == null && currency != null) {
                                found.currency = currency;
                            }
                            return new Joined(found, inserted == 1 && found.id.equals(candidate));
                        }))
                .call(joined -> addDiner(joined.session(), userId, role, now));
    }

    /**
     * A guest token ends with the session it sat at: once staff closed that session, the same token
     * (its subject is new with every scan) neither orders nor opens the next diners' session. The
     * shared deny-list refuses it at every service as well; this is the durable check.
     */
    private Uni<Void> refuseClosedGuest(UUID guestId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "select count(*) from orders.session_diner d join orders.table_session s on s.id = d.session_id "
                        + "where d.user_id = ?1 and s.status <> 'open'", Long.class)
                .setParameter(1, guestId).getSingleResult())
                .invoke(closed -> {
                    if (closed > 0) {
                        throw ApiException.unauthorized(
                                "The session of this guest token was closed; scan the table's code again");
                    }
                })
                .replaceWithVoid();
    }

    /** Records who is at the table (once per person). */
    public Uni<Void> addDiner(TableSession tab, UUID userId, String role, Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "insert into orders.session_diner (session_id, user_id, restaurant_id, role, joined_at) "
                        + "values (?1, ?2, ?3, ?4, ?5) on conflict do nothing")
                .setParameter(1, tab.id).setParameter(2, userId).setParameter(3, tab.restaurantId)
                .setParameter(4, role).setParameter(5, at)
                .executeUpdate()).replaceWithVoid();
    }

    /** An order joins the tab (a negative amount: it was cancelled); the row is held by this transaction. */
    public static void charge(TableSession tab, BigDecimal amount) {
        tab.totalAmount = tab.totalAmount.add(amount).setScale(2);
    }
}
