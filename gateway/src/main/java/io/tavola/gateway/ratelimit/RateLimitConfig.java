package io.tavola.gateway.ratelimit;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** RATE_LIMIT_REQUESTS per RATE_LIMIT_PERIOD seconds, with stricter budgets for login and guest tokens. */
@ConfigMapping(prefix = "tavola.rate-limit")
public interface RateLimitConfig {

    int requests();

    /** Seconds. */
    int period();

    int loginRequests();

    int loginPeriod();

    int guestRequests();

    int guestPeriod();

    /** Shared by every replica: the counters are the same keys. */
    String keyPrefix();

    /** A slow Redis must not slow every request down: past this the gateway fails open. */
    Duration redisTimeout();
}
