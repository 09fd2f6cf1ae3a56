package io.tavola.orders.session;

import io.tavola.orders.tab.TableSession;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.tavola.common.error.ApiException;
import io.tavola.common.security.Caller;
import io.tavola.common.security.Role;
import io.tavola.common.event.EventType;
import io.tavola.common.outbox.Outbox;
import io.tavola.common.outbox.OutboxRelay;
import io.tavola.orders.OrdersConfig;
import io.tavola.orders.restaurant.RestaurantProfiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A diner calls the waiter or asks for the bill. Each table may do so once per kind within the
 * restaurant's cooldown: the cooldown is a Redis key that expires with it. Without Redis the table's
 * last request of that kind in the database decides, so a diner can still call the waiter (issue 12,
 * drill 2: calling the waiter works while Redis is down).
 */
@ApplicationScoped
public class ServiceRequests {

    /** The request, also the {@code data} of {@code session.service_requested}. */
    public record Requested(UUID sessionId, UUID tableId, String tableLabel, String kind, Instant requestedAt) {}

    private record Asked(TableSession tab, int cooldownSeconds) {}

    private static final int DEFAULT_COOLDOWN_SECONDS = 120;

    @Inject
    Caller caller;

    @Inject
    TableSessions sessions;

    @Inject
    ReactiveRedisDataSource redis;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    OrdersConfig config;

    public Uni<Requested> request(UUID sessionId, String kind) {
        return Panache.withSession(() -> sessions.visible(sessionId)
                .chain(tab -> {
                    if (caller.role() != Role.GUEST) {
                        throw ApiException.forbidden("Service requests come from the diners at the table");
                    }
                    if (!TableSession.OPEN.equals(tab.status)) {
                        throw ApiException.conflict("session-closed", "The session is already " + tab.status);
                    }
                    return RestaurantProfiles.find(tab.restaurantId).map(profile -> new Asked(tab,
                            profile == null ? DEFAULT_COOLDOWN_SECONDS : profile.serviceRequestCooldownSeconds()));
                }))
                .chain(asked -> {
                    TableSession tab = asked.tab();
                    int cooldown = asked.cooldownSeconds();
                    String key = config.redisPrefix() + "service-request:" + tab.tableId + ":" + kind;
                    return startCooldown(key, cooldown)
                            .onFailure(failure -> !(failure instanceof ApiException))
                            .recoverWithUni(() -> cooldownFromDatabase(tab, kind, cooldown))
                            .chain(() -> record(tab, kind)
                                    // nothing recorded: the diner may ask again at once
                                    .onFailure().call(() -> cooldown > 0
                                            ? redis.key().del(key).replaceWithVoid().onFailure().recoverWithNull()
                                            : Uni.createFrom().voidItem()));
                })
                .invoke(relay::wake);
    }

    private Uni<Void> startCooldown(String key, int seconds) {
        if (seconds <= 0) {
            return Uni.createFrom().voidItem();
        }
        return redis.execute("SET", key, "1", "NX", "EX", Integer.toString(seconds))
                .chain(response -> {
                    if (response != null) {
                        return Uni.createFrom().voidItem();
                    }
                    return redis.key().ttl(key).map(ttl -> {
                        throw ApiException.tooManyRequests("The staff were just asked; please wait a moment",
                                ttl > 0 ? ttl : seconds);
                    });
                });
    }

    /** The cooldown as the table's last request of this kind says, when Redis cannot be asked. */
    private Uni<Void> cooldownFromDatabase(TableSession tab, String kind, int seconds) {
        if (seconds <= 0) {
            return Uni.createFrom().voidItem();
        }
        Instant since = Instant.now().minusSeconds(seconds);
        return Panache.withSession(() -> ServiceRequest
                .find("tableId = ?1 and kind = ?2 and requestedAt > ?3 order by requestedAt desc",
                        tab.tableId, kind, since)
                .<ServiceRequest>firstResult())
                .map(last -> {
                    if (last != null) {
                        long left = seconds - (Instant.now().getEpochSecond() - last.requestedAt.getEpochSecond());
                        throw ApiException.tooManyRequests("The staff were just asked; please wait a moment",
                                Math.max(1, left));
                    }
                    return null;
                });
    }

    private Uni<Requested> record(TableSession tab, String kind) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ServiceRequest request = new ServiceRequest();
        request.id = UUID.randomUUID();
        request.restaurantId = tab.restaurantId;
        request.sessionId = tab.id;
        request.tableId = tab.tableId;
        request.kind = kind;
        request.requestedBy = caller.userId();
        request.requestedAt = now;
        Requested requested = new Requested(tab.id, tab.tableId, tab.tableLabel, kind, now);
        return Panache.withTransaction(() -> request.persist()
                .chain(() -> outbox.add(EventType.SESSION_SERVICE_REQUESTED, tab.restaurantId, requested)))
                .replaceWith(requested);
    }
}
