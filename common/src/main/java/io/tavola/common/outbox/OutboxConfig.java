package io.tavola.common.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The outbox of a service that opts in with {@link #enabled}. Only the outbox's beans inject this mapping,
 * so a service without an outbox never has to set {@link #table} or {@link #exchange}.
 */
@ConfigMapping(prefix = "tavola.outbox")
public interface OutboxConfig {

    /**
     * Build time: whether the outbox's beans exist at all (their {@code @IfBuildProperty}). Mapped too, because a
     * mapping refuses any key under its prefix that it does not know.
     */
    @WithDefault("false")
    boolean enabled();

    /** The outbox table, schema-qualified ({@code orders.outbox_event}); its counter is {@code <table>_sequence}. */
    String table();

    /** The topic exchange the relay publishes to: the service's {@code EventStream}, whose events alone it takes. */
    String exchange();

    /** Rows published in one transaction; a full batch is followed by the next at once. */
    @WithDefault("200")
    int batchSize();

    /** How often the relay looks for unsent rows when nobody wakes it. */
    @WithDefault("PT0.5S")
    Duration pollInterval();

    /** Retries after a broker failure back off from 250 ms up to this. */
    @WithDefault("PT5S")
    Duration maxBackoff();

    /** How often the backlog metrics are recounted from the table. */
    @WithDefault("PT5S")
    Duration backlogRefresh();

    /**
     * The relay's own broker connection; common's microprofile-config.properties points it at the service's
     * RabbitMQ ({@code rabbitmq-host} and the rest).
     */
    Broker broker();

    interface Broker {
        String host();

        int port();

        String username();

        String password();

        String virtualHost();
    }
}
