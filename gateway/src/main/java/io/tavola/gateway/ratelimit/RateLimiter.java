package io.tavola.gateway.ratelimit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.mutiny.redis.client.Command;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Fixed-window counters in Redis, incremented and given their expiry in one atomic script, so every
 * gateway replica spends the same budget. The script is called by its SHA-1 (EVALSHA), not sent whole on
 * every request; a Redis that does not know it (restarted, failed over, flushed) answers NOSCRIPT without
 * running anything, and the one EVAL that follows both counts and loads it again. When Redis cannot
 * answer in time the request passes (fail-open): a warning is logged when that starts and a note when it
 * ends, never per request.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);

    // KEYS[1] = counter, ARGV[1] = window in ms; returns {count, ms until the window resets}
    private static final String SCRIPT = """
            local count = redis.call('INCR', KEYS[1])
            if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
              ttl = tonumber(ARGV[1])
            end
            return {count, ttl}
            """;

    private static final String SCRIPT_SHA = sha1(SCRIPT);

    private final Redis redis;
    private final String keyPrefix;
    private final Duration timeout;
    private final AtomicBoolean failingOpen = new AtomicBoolean(false);

    @Inject
    RateLimiter(Redis redis, RateLimitConfig config) {
        this(redis, config.keyPrefix(), config.redisTimeout());
    }

    /** A limiter on its own Redis client; replicas sharing {@code keyPrefix} share the budgets. */
    public RateLimiter(Redis redis, String keyPrefix, Duration timeout) {
        this.redis = redis;
        this.keyPrefix = keyPrefix;
        this.timeout = timeout;
    }

    /** Spends one request of {@code subject}'s budget under {@code policy}. */
    public Uni<RateDecision> hit(RatePolicy policy, String subject) {
        String key = keyPrefix + policy.name() + ":" + subject;
        long windowMillis = policy.periodSeconds() * 1000L;
        return redis.send(Request.cmd(Command.EVALSHA).arg(SCRIPT_SHA).arg(1).arg(key).arg(windowMillis))
                .onFailure(RateLimiter::unknownScript).recoverWithUni(() -> redis.send(
                        Request.cmd(Command.EVAL).arg(SCRIPT).arg(1).arg(key).arg(windowMillis)))
                .ifNoItem().after(timeout).fail()
                .map(reply -> decide(policy, reply))
                .invoke(this::recovered)
                .onFailure().recoverWithItem(failure -> {
                    failed(failure);
                    return RateDecision.failOpen();
                });
    }

    /** Asks Redis whether it is there (readiness), updating the fail-open state like a request would. */
    public Uni<Boolean> probe() {
        return redis.send(Request.cmd(Command.PING))
                .ifNoItem().after(timeout).fail()
                .map(reply -> {
                    recovered();
                    return true;
                })
                .onFailure().recoverWithItem(failure -> {
                    failed(failure);
                    return false;
                });
    }

    private void recovered() {
        if (failingOpen.compareAndSet(true, false)) {
            LOG.info("Redis answers again: rate limits are enforced");
        }
    }

    private void failed(Throwable failure) {
        if (failingOpen.compareAndSet(false, true)) {
            LOG.warnf("Redis is unreachable (%s): rate limiting fails open until it is back", failure.toString());
        }
    }

    private static boolean unknownScript(Throwable failure) {
        return failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT");
    }

    private static String sha1(String script) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RateDecision decide(RatePolicy policy, Response reply) {
        long count = reply.get(0).toLong();
        long ttlMillis = Math.max(0, reply.get(1).toLong());
        long resetSeconds = Math.max(1, (ttlMillis + 999) / 1000);
        boolean allowed = count <= policy.limit();
        return new RateDecision(allowed, true, policy.limit(), Math.max(0, policy.limit() - count), resetSeconds);
    }
}
