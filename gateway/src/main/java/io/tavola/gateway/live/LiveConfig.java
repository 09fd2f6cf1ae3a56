package io.tavola.gateway.live;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The live fan-out: heartbeats, snapshots, and the event streams this replica consumes. */
@ConfigMapping(prefix = "tavola.live")
public interface LiveConfig {

    /** A ping and a heartbeat frame this often; three unanswered pings close the connection. */
    Duration heartbeatInterval();

    /** Active orders in a kitchen snapshot. */
    int snapshotSize();

    /** Snapshots fetched at once when many sockets resync together (after the feed came back). */
    @WithDefault("8")
    int resyncConcurrency();

    /** A client may ask for a resync at most this often; the gateway resyncs on its own anyway. */
    @WithDefault("PT2S")
    Duration resyncCooldown();

    /**
     * This replica's id in its queue names: by default Quarkus' {@code quarkus.uuid}, new at every start (the
     * queues of a replica that is gone expire, {@link Broker#queueExpiry}).
     */
    @WithDefault("${quarkus.uuid}")
    String replica();

    Broker broker();

    /** By stream name (the {@code stream} of an envelope: orders, menu, feedback). */
    Map<String, Stream> streams();

    interface Broker {
        String host();

        int port();

        String username();

        String password();

        String virtualHost();

        /**
         * This replica's queues are durable, so events published while its connection is away wait for it;
         * a queue unused this long (its replica is gone) is deleted by the broker.
         */
        Duration queueExpiry();

        /** Past this many waiting events the oldest are dropped; the sequence gap then resyncs screens. */
        int queueMaxLength();

        /** Reconnect attempts back off from 250 ms up to this. */
        Duration maxReconnectBackoff();
    }

    interface Stream {
        String exchange();

        List<String> routingKeys();
    }
}
