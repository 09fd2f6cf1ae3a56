package io.tavola.orders.session;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tavola.common.outbox.OutboxRelay;
import io.tavola.common.tenancy.TenantScope;
import io.tavola.orders.OrdersConfig;
import io.tavola.orders.tab.TableSession;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;

/**
 * A finished party's tab closes by itself (issue 17, fault 3): an open tab with nothing left for the
 * kitchen and no order, status change or service request for {@code tavola.orders.idle-tab.close-after}
 * is closed as {@code completed} (served orders complete with it) or, when nothing was served,
 * {@code cancelled}; its guests' tokens end, so the next party's scan opens a new tab. Every replica
 * sweeps; the session row's lock and the re-check inside the transaction make a second close a no-op.
 */
@ApplicationScoped
public class IdleTabs {

    /** Who the status history names for a change the sweep made. */
    public static final UUID SYSTEM = new UUID(0, 0);
    public static final String SYSTEM_ROLE = "system";

    private static final Logger LOG = Logger.getLogger(IdleTabs.class);
    private static final int BATCH = 100;

    /** Open tabs with no activity since ?1 and nothing PENDING..READY; ?2 narrows it to one tab (or null). */
    private static final String IDLE = "select s.id, s.restaurant_id from orders.table_session s "
            + "where s.status = 'open' and s.opened_at < ?1 and (cast(?2 as uuid) is null or s.id = ?2) "
            + "and not exists (select 1 from orders.customer_order o where o.restaurant_id = s.restaurant_id "
            + "  and o.session_id = s.id "
            + "  and (o.status in ('PENDING', 'CONFIRMED', 'PREPARING', 'READY') or o.updated_at >= ?1)) "
            + "and not exists (select 1 from orders.service_request r where r.restaurant_id = s.restaurant_id "
            + "  and r.session_id = s.id and r.requested_at >= ?1) "
            + "order by s.opened_at limit " + BATCH;

    @Inject
    OrdersConfig config;

    @Inject
    TabClosing closing;

    @Inject
    TableSessions sessions;

    @Inject
    OutboxRelay relay;

    @Inject
    Vertx vertx;

    void onStart(@Observes StartupEvent event) {
        OrdersConfig.IdleTab idle = config.idleTab();
        if (idle.closeAfter().isZero()) {
            return;
        }
        vertx.setPeriodic(idle.sweepInterval().toMillis(), id -> sweepNow(Instant.now().minus(idle.closeAfter()))
                .whenComplete((closed, failure) -> {
                    if (failure != null) {
                        LOG.warnf("idle tabs not swept: %s", failure.toString());
                    } else if (closed > 0) {
                        LOG.infof("closed %d idle tab(s)", closed);
                    }
                }));
    }

    /** One sweep on a fresh duplicated context (Panache needs one of its own, as a request has). */
    public CompletionStage<Integer> sweepNow(Instant quietSince) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        Context context = VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(v -> sweep(quietSince).subscribe().with(done::complete, done::completeExceptionally));
        return done;
    }

    /** Closes the open tabs idle since {@code quietSince} (up to a batch); answers how many it closed. */
    private Uni<Integer> sweep(Instant quietSince) {
        Instant since = quietSince.truncatedTo(ChronoUnit.MICROS);
        return TenantScope.within(TenantScope.ALL, () -> Panache.withSession(() -> idle(since, null)))
                .chain(found -> Multi.createFrom().iterable(found)
                        .onItem().transformToUniAndConcatenate(row -> closeIfStillIdle((UUID) row[0], (UUID) row[1], since))
                        .filter(Boolean::booleanValue)
                        .collect().asList())
                .map(List::size)
                .invoke(closed -> {
                    if (closed > 0) {
                        relay.wake();
                    }
                });
    }

    private Uni<List<Object[]>> idle(Instant since, UUID only) {
        return Panache.getSession().chain(session -> session.createNativeQuery(IDLE, Object[].class)
                .setParameter(1, since).setParameter(2, only).getResultList());
    }

    /** Held and checked again: a diner may have ordered, or staff closed it, since the sweep looked. */
    private Uni<Boolean> closeIfStillIdle(UUID sessionId, UUID restaurantId, Instant since) {
        return TenantScope.within(TenantScope.of(restaurantId), () -> Panache.withTransaction(
                () -> TableSession.<TableSession>findById(sessionId, LockModeType.PESSIMISTIC_WRITE)
                        .chain(tab -> idle(since, sessionId).chain(still -> still.isEmpty() ? Uni.createFrom().nullItem()
                                : served(tab).chain(served -> closing.close(tab,
                                        served ? TableSession.COMPLETED : TableSession.CANCELLED, SYSTEM, SYSTEM_ROLE))
                                        .chain(sessions::view)))))
                .call(closed -> closed == null ? Uni.createFrom().voidItem() : closing.endGuestTokens(closed.diners()))
                .map(closed -> closed != null);
    }

    private static Uni<Boolean> served(TableSession tab) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "select count(*) from orders.customer_order where restaurant_id = ?1 and session_id = ?2 "
                        + "and status in ('SERVED', 'COMPLETED')", Long.class)
                .setParameter(1, tab.restaurantId).setParameter(2, tab.id).getSingleResult())
                .map(count -> count > 0);
    }
}
