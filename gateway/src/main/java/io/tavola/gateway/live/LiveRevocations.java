package io.tavola.gateway.live;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.CloseReason;
import io.smallrye.mutiny.Multi;
import io.tavola.common.security.Revocation;
import io.tavola.common.security.TokenRevocations;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Live connections end with their token: a revocation announced on the deny-list's channel (logout,
 * deactivated or deleted user, a table's new code, a closed session) closes the connections opened with
 * a token it refuses at once, with 1008. Announcements can be lost (Redis restarting), so every
 * heartbeat interval the open connections' tokens are checked against the deny-list as well.
 */
@ApplicationScoped
public class LiveRevocations {

    private static final Logger LOG = Logger.getLogger(LiveRevocations.class);
    static final CloseReason REVOKED = new CloseReason(LiveClosing.POLICY_VIOLATION, "token revoked");

    private final LiveHub hub;
    private final TokenRevocations revocations;
    private final Vertx vertx;
    private final LiveConfig config;
    private final AtomicBoolean sweeping = new AtomicBoolean(false);
    private long timer = -1;

    LiveRevocations(LiveHub hub, TokenRevocations revocations, Vertx vertx, LiveConfig config) {
        this.hub = hub;
        this.revocations = revocations;
        this.vertx = vertx;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        revocations.onRevocation(this::announced);
        timer = vertx.setPeriodic(config.heartbeatInterval().toMillis(), id -> sweep());
    }

    @PreDestroy
    void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    void announced(Revocation revocation) {
        for (LiveSubscriber subscriber : hub.connections()) {
            if (subscriber.token() != null && revocation.refuses(subscriber.token())) {
                LOG.debugf("closing live connection %s: its token was revoked (%s)", subscriber.id(), revocation.kind());
                hub.end(subscriber, REVOKED);
            }
        }
    }

    /** One pass over the open connections at a time; Redis away means no connection is closed (fail-open). */
    void sweep() {
        if (!sweeping.compareAndSet(false, true)) {
            return;
        }
        Multi.createFrom().iterable(hub.connections())
                .filter(subscriber -> subscriber.token() != null)
                .onItem().transformToUni(subscriber -> revocations.isRevoked(subscriber.token())
                        .invoke(revoked -> {
                            if (revoked) {
                                hub.end(subscriber, REVOKED);
                            }
                        })).merge(8)
                .collect().last()
                .onTermination().invoke(() -> sweeping.set(false))
                .subscribe().with(done -> {
                }, failure -> LOG.debugf("revocation sweep failed: %s", failure.toString()));
    }
}
