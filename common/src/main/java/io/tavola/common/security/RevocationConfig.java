package io.tavola.common.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where the shared deny-list of tokens lives in Redis, and how long its entries last. */
@ConfigMapping(prefix = "tavola.revocation")
public interface RevocationConfig {

    /** Prefix of every deny-list key; all services and the gateway of one stack must share it. */
    @WithDefault("tavola:revoked:")
    String keyPrefix();

    /** The channel on which writers announce revocations (in-process lists and open sockets). */
    @WithDefault("tavola:revocations")
    String channel();

    /** How long a verifier waits for Redis before it lets the token pass (fail-open). */
    @WithDefault("250ms")
    Duration redisTimeout();

    /**
     * How long user, family and table entries live: the longest token lifetime (guest tokens, 4 h)
     * plus the expiry leeway, so no token they end can outlive them.
     */
    @WithDefault("PT4H1M")
    Duration retention();

    /** Wait between attempts to (re)subscribe to the channel after Redis went away. */
    @WithDefault("1s")
    Duration resubscribeDelay();
}
