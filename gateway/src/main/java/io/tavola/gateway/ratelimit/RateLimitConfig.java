package io.tavola.gateway.ratelimit;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/**
 * RATE_LIMIT_REQUESTS per RATE_LIMIT_PERIOD seconds per user or address, one shared budget per table for
 * its guests, and stricter per-address budgets for logins and guest tokens.
 */
@ConfigMapping(prefix = "tavola.rate-limit")
public interface RateLimitConfig {

    int requests();

    /** Seconds. */
    int period();

    int loginRequests();

    int loginPeriod();

    int guestRequests();

    int guestPeriod();

    /** What all the guests of one table may send together (every phone at the table, every token minted for it). */
    int tableRequests();

    int tablePeriod();

    /** Shared by every replica: the counters are the same keys. */
    String keyPrefix();

    /** A slow Redis must not slow every request down: past this the gateway fails open. */
    Duration redisTimeout();
}
