package io.tavola.common.security;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.tavola.common.security.Revocation.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * The one revocation check of every verifier (each service's REST layer and the gateway) and the one
 * way to revoke: a deny-list in Redis shared by every service, keyed by token id, by user ("not
 * before"), by login family and by table (lowest generation still valid).
 *
 * <p>Writers set the entry (kept as long as the tokens it ends can live) and announce it on a channel;
 * every verifier keeps the announced entries in memory (so they take effect before the next Redis
 * round-trip and stay in force while Redis is away) and asks Redis for the rest on every request, so a
 * revocation reaches every service at once even if an announcement was lost.
 *
 * <p>Redis unreachable: <b>fail-open</b>. Tokens are then checked against the entries this process
 * already knows, signature and expiry as always; ordering and sessions keep working (issue 12 asks
 * for that). docs/security.md says why.
 */
@ApplicationScoped
public class TokenRevocations {

    private static final Logger LOG = Logger.getLogger(TokenRevocations.class);
    private static final int MAX_REMEMBERED = 100_000;

    private record Known(long value, long expiresAtMillis) {}

    /** A revocation Redis did not take: written again once it answers, for what is left of its time. */
    private record Pending(Revocation revocation, long expiresAtMillis) {}

    private final ReactiveRedisDataSource redis;
    private final RevocationConfig config;
    private final Map<String, Known> known = new ConcurrentHashMap<>();
    private final List<Consumer<Revocation>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean failingOpen = new AtomicBoolean(false);
    private final Queue<Pending> pending = new ConcurrentLinkedQueue<>();
    private volatile boolean running;
    private volatile Cancellable subscription;

    TokenRevocations(ReactiveRedisDataSource redis, RevocationConfig config) {
        this.redis = redis;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        subscribe();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        Cancellable current = subscription;
        if (current != null) {
            current.cancel();
        }
    }

    // ---- the check ----

    /** Whether a verified token has been revoked (false when Redis cannot tell: fail-open). */
    public Uni<Boolean> isRevoked(JsonWebToken jwt) {
        return isRevoked(TokenFacts.of(jwt));
    }

    public Uni<Boolean> isRevoked(TokenFacts token) {
        List<String> keys = keysOf(token);
        long now = System.currentTimeMillis();
        for (String key : keys) {
            Known entry = known.get(key);
            if (entry != null && entry.expiresAtMillis > now && parse(key, entry.value).refuses(token)) {
                return Uni.createFrom().item(true);
            }
        }
        String[] redisKeys = keys.stream().map(k -> config.keyPrefix() + k).toArray(String[]::new);
        return redis.value(String.class).mget(redisKeys)
                .ifNoItem().after(config.redisTimeout()).fail()
                .map(values -> {
                    recovered();
                    for (String key : keys) {
                        String value = values.get(config.keyPrefix() + key);
                        if (value != null && parse(key, toLong(value)).refuses(token)) {
                            return true;
                        }
                    }
                    return false;
                })
                .onFailure().recoverWithItem(failure -> {
                    failed(failure);
                    return false;
                });
    }

    /** Called with every revocation announced while this process runs (the gateway closes sockets). */
    public void onRevocation(Consumer<Revocation> listener) {
        listeners.add(listener);
    }

    // ---- the writers ----

    /** Ends one token (logout): until it would have expired anyway. */
    public Uni<Void> revokeToken(String tokenId, long expiresAtEpochSecond) {
        if (tokenId == null) {
            return Uni.createFrom().voidItem();
        }
        long seconds = Math.max(1, expiresAtEpochSecond - Instant.now().getEpochSecond() + 60);
        return write(new Revocation(Kind.TOKEN, tokenId, 1), Duration.ofSeconds(seconds));
    }

    /**
     * Ends every token the user (or a guest's subject) holds now: those issued before the next second.
     * A token issued within the same second as the revocation is refused too, to be safe; a client
     * that is refused refreshes again a moment later.
     */
    public Uni<Void> revokeUser(UUID userId) {
        return write(new Revocation(Kind.USER, userId.toString(), Instant.now().getEpochSecond() + 1),
                config.retention());
    }

    /** Ends the access tokens of one login (logout, a reused refresh token). */
    public Uni<Void> revokeFamily(UUID familyId) {
        return write(new Revocation(Kind.FAMILY, familyId.toString(), 1), config.retention());
    }

    /** Ends the guest tokens of a table issued before its generation {@code current} (new code, deactivated). */
    public Uni<Void> revokeTableBefore(UUID tableId, long current) {
        return write(new Revocation(Kind.TABLE, tableId.toString(), current), config.retention());
    }

    /**
     * Sets the entry and announces it. If Redis is away the revocation is kept in this process, logged, and
     * written again as soon as Redis answers (so the other services enforce it after the outage): the
     * caller's change (a logout, a deactivation) is not undone for it.
     */
    private Uni<Void> write(Revocation revocation, Duration ttl) {
        remember(revocation, ttl);
        long expiresAt = System.currentTimeMillis() + ttl.toMillis();
        String key = config.keyPrefix() + revocation.key();
        return redis.value(String.class).setex(key, Math.max(1, ttl.toSeconds()), Long.toString(revocation.value()))
                .chain(() -> redis.pubsub(String.class).publish(config.channel(), revocation.encode()))
                .ifNoItem().after(Duration.ofSeconds(2)).fail()
                .replaceWithVoid()
                .onFailure().recoverWithItem(failure -> {
                    if (pending.size() < MAX_REMEMBERED) {
                        pending.add(new Pending(revocation, expiresAt));
                    }
                    LOG.warnf("Revocation %s could not reach Redis (%s): this process enforces it and writes it "
                            + "again when Redis is back", revocation.kind(), failure.toString());
                    return null;
                });
    }

    /** Writes again what Redis did not take (each failure queues it again). */
    private void writePending() {
        long now = System.currentTimeMillis();
        for (int n = pending.size(); n > 0; n--) {
            Pending next = pending.poll();
            if (next == null) {
                break;
            }
            if (next.expiresAtMillis() > now) {
                write(next.revocation(), Duration.ofMillis(next.expiresAtMillis() - now)).subscribe().with(ignored -> {});
            }
        }
    }

    // ---- the channel ----

    private void subscribe() {
        if (!running) {
            return;
        }
        writePending();
        subscription = redis.pubsub(String.class).subscribe(config.channel())
                .subscribe().with(this::announced, failure -> resubscribeLater(), this::resubscribeLater);
    }

    /** The subscription ends when Redis goes away (it completes or fails): try again until it is back. */
    private void resubscribeLater() {
        if (!running) {
            return;
        }
        Uni.createFrom().voidItem().onItem().delayIt().by(config.resubscribeDelay())
                .subscribe().with(ignored -> subscribe());
    }

    private void announced(String message) {
        Revocation revocation = Revocation.decode(message);
        if (revocation == null) {
            return;
        }
        remember(revocation, config.retention());
        for (Consumer<Revocation> listener : listeners) {
            try {
                listener.accept(revocation);
            } catch (RuntimeException e) {
                LOG.warnf("revocation listener failed: %s", e.toString());
            }
        }
    }

    private void remember(Revocation revocation, Duration ttl) {
        long now = System.currentTimeMillis();
        if (known.size() >= MAX_REMEMBERED) {
            known.values().removeIf(entry -> entry.expiresAtMillis <= now);
        }
        known.merge(revocation.key(), new Known(revocation.value(), now + ttl.toMillis()),
                (old, next) -> next.value >= old.value ? next : old);
    }

    // ---- helpers ----

    private static List<String> keysOf(TokenFacts token) {
        List<String> keys = new ArrayList<>(4);
        if (token.tokenId() != null) {
            keys.add(Revocation.key(Kind.TOKEN, token.tokenId()));
        }
        if (token.subject() != null) {
            keys.add(Revocation.key(Kind.USER, token.subject()));
        }
        if (token.family() != null) {
            keys.add(Revocation.key(Kind.FAMILY, token.family()));
        }
        if (token.tableId() != null) {
            keys.add(Revocation.key(Kind.TABLE, token.tableId()));
        }
        return keys;
    }

    private static Revocation parse(String key, long value) {
        int colon = key.indexOf(':');
        return new Revocation(Objects.requireNonNull(Kind.ofPrefix(key.substring(0, colon))), key.substring(colon + 1),
                value);
    }

    private static long toLong(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // an unreadable entry refuses rather than admits
        }
    }

    private void recovered() {
        if (failingOpen.compareAndSet(true, false)) {
            LOG.info("Redis answers again: the revocation deny-list is checked on every request");
            writePending();
        }
    }

    private void failed(Throwable failure) {
        if (failingOpen.compareAndSet(false, true)) {
            LOG.warnf("Redis is unreachable (%s): revocation checks fail open (only revocations this process "
                    + "already knows are enforced) until it is back", failure.toString());
        }
    }
}
