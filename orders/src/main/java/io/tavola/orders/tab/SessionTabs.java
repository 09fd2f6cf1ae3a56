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
import java.util.Objects;
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

    /** {@code dinerChanged}: the caller was not at the table yet, or gave it another name. */
    public record Joined(TableSession session, boolean opened, boolean dinerChanged) {}

    /** {@code dinerName} (null: none given) is the caller's as {@link DinerName} reads it. */
    public Uni<Joined> openOrJoin(UUID restaurantId, UUID tableId, String tableLabel, String currency, UUID userId,
            String role, String dinerName) {
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
                            return found;
                        })
                        .chain(found -> addDiner(found, userId, role, dinerName, now)
                                .map(changed -> new Joined(found, inserted == 1 && found.id.equals(candidate),
                                        changed))));
    }

    /**
     * A guest token ends with the session it sat at: once staff closed that session, the same token
     * (its subject is new with every scan) neither orders nor opens the next diners' session. The
     * shared deny-list refuses it at every service as well; this is the durable check.
     */
    private Uni<Void> refuseClosedGuest(UUID guestId) {
        return Panache.getSession().chain(session -> session.createQuery("select count(*) from SessionDiner d "
                        + "where d.userId = ?1 and exists (from TableSession s where s.id = d.sessionId and s.status <> ?2)",
                        Long.class)
                .setParameter(1, guestId).setParameter(2, TableSession.OPEN).getSingleResult())
                .invoke(closed -> {
                    if (closed > 0) {
                        throw ApiException.unauthorized(
                                "The session of this guest token was closed; scan the table's code again");
                    }
                })
                .replaceWithVoid();
    }

    /**
     * Records who is at the table (once per person), with the name given, if any; a later join without a
     * name keeps the one given before. True when the diner is new at the table or its name changed.
     */
    private Uni<Boolean> addDiner(TableSession tab, UUID userId, String role, String name, Instant at) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "insert into orders.session_diner as d (session_id, user_id, restaurant_id, role, joined_at, name) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6) on conflict (session_id, user_id) do update "
                        + "set name = excluded.name where excluded.name is not null and d.name is distinct from excluded.name")
                .setParameter(1, tab.id).setParameter(2, userId).setParameter(3, tab.restaurantId)
                .setParameter(4, role).setParameter(5, at).setParameter(6, name)
                .executeUpdate()).map(changed -> changed > 0);
    }

    /**
     * Gives a diner's place at the table another name (null: none). True when it changed, null when that
     * diner is not at the table. The caller holds the tab (as an order does), so the event it writes for
     * the change carries the tab's current total.
     */
    public Uni<Boolean> rename(TableSession tab, UUID userId, String name) {
        return SessionDiner.<SessionDiner>find("sessionId = ?1 and userId = ?2", tab.id, userId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .map(diner -> {
                    if (diner == null) {
                        return null;
                    }
                    if (Objects.equals(diner.name, name)) {
                        return false;
                    }
                    diner.name = name;
                    return true;
                });
    }

    /** An order joins the tab (a negative amount: it was cancelled); the row is held by this transaction. */
    public static void charge(TableSession tab, BigDecimal amount) {
        tab.totalAmount = tab.totalAmount.add(amount).setScale(2);
    }
}
