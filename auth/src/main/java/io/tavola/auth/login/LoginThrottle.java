package io.tavola.auth.login;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ExpireArgs;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.tavola.auth.AuthConfig;
import io.tavola.common.error.ApiException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Failed logins, counted in Redis in fixed windows, following OWASP's Authentication Cheat Sheet so that
 * guessing is throttled while nobody can lock someone else out:
 * <ul>
 * <li>per username <i>and</i> client address: past the limit that pair is refused with 429 until the
 * window ends (a guesser at one address stops; the owner at another address is not affected);</li>
 * <li>per client address, whatever the usernames: past a higher limit the address is refused (spraying);</li>
 * <li>per username from every address: never a lockout, only a slowdown: from the few failures on,
 * each further failed attempt is answered later (growing steps, capped), which costs a distributed
 * guesser time while the right password is answered at once.</li>
 * </ul>
 * If Redis is unreachable logins still work (logged); the gateway's rate limits still apply.
 */
@ApplicationScoped
@Startup // so its metrics exist before the first login
public class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class);
    private static final String PREFIX = "tavola:auth:login-failures:";

    final ReactiveRedisDataSource redis;
    final Duration window;
    final int maxPerUserAndAddress;
    final int maxPerAddress;
    final int slowdownAfter;
    final Duration slowdownStep;
    final Duration maxSlowdown;

    LoginThrottle(ReactiveRedisDataSource redis, AuthConfig config) {
        AuthConfig.Throttle throttle = config.throttle();
        this.redis = redis;
        this.window = throttle.window();
        this.maxPerUserAndAddress = throttle.maxFailuresPerUserAndAddress();
        this.maxPerAddress = throttle.maxFailuresPerAddress();
        this.slowdownAfter = throttle.slowdownAfter();
        this.slowdownStep = throttle.slowdownStep();
        this.maxSlowdown = throttle.maxSlowdown();
    }

    /** {@code tavola_login_failures_total}: reason bad_credentials (a 401) or throttled (a 429). */
    @Inject
    MeterRegistry registry;

    @PostConstruct
    void registerMeters() {
        registry.counter("tavola.login.failures", "reason", "bad_credentials");
        registry.counter("tavola.login.failures", "reason", "throttled");
    }

    /** Fails with 429 (and Retry-After) while this address, or this username from this address, is throttled. */
    public Uni<Void> checkAllowed(String username, String address) {
        return locked(pairKey(username, address), maxPerUserAndAddress)
                .chain(pairWait -> pairWait > 0 ? Uni.createFrom().item(pairWait)
                        : locked(addressKey(address), maxPerAddress))
                .map(wait -> {
                    if (wait > 0) {
                        registry.counter("tavola.login.failures", "reason", "throttled").increment();
                        throw ApiException.tooManyRequests("Too many failed logins from here; try again later", wait);
                    }
                    return null;
                })
                .onFailure(e -> !(e instanceof ApiException)).recoverWithItem(this::redisDown)
                .replaceWithVoid();
    }

    /** Records a failure and returns how long to hold the answer back (the per-username slowdown). */
    public Uni<Duration> recordFailure(String username, String address) {
        registry.counter("tavola.login.failures", "reason", "bad_credentials").increment();
        // neither the username (people type passwords into it) nor the password: the request id links it up
        LOG.info("Failed login: bad credentials");
        return increment(pairKey(username, address))
                .chain(() -> increment(addressKey(address)))
                .chain(() -> increment(userKey(username)))
                .map(this::slowdown)
                .onFailure().recoverWithItem(e -> {
                    redisDown(e);
                    return Duration.ZERO;
                });
    }

    /** The right password clears this pair only: a stranger's failures elsewhere keep slowing guesses. */
    public Uni<Void> recordSuccess(String username, String address) {
        return redis.key().del(pairKey(username, address)).replaceWithVoid()
                .onFailure().recoverWithItem(this::redisDown);
    }

    Duration slowdown(long userFailures) {
        long over = userFailures - slowdownAfter;
        if (over <= 0) {
            return Duration.ZERO;
        }
        Duration delay = slowdownStep.multipliedBy(over);
        return delay.compareTo(maxSlowdown) > 0 ? maxSlowdown : delay;
    }

    private Uni<Long> locked(String key, int max) {
        return redis.value(Long.class).get(key).chain(count -> {
            if (count == null || count < max) {
                return Uni.createFrom().item(0L);
            }
            return redis.key().ttl(key).map(ttl -> Math.max(1, ttl));
        });
    }

    private Uni<Long> increment(String key) {
        return redis.value(Long.class).incr(key)
                .call(count -> redis.key().expire(key, window, new ExpireArgs().nx()));
    }

    private Void redisDown(Throwable failure) {
        LOG.warnf("Login throttling unavailable (Redis: %s); allowing the attempt", failure.getMessage());
        return null;
    }

    private static String normal(String username) {
        return username.trim().toLowerCase(Locale.ROOT);
    }

    private static String userKey(String username) {
        return PREFIX + "user:" + normal(username);
    }

    private static String pairKey(String username, String address) {
        return PREFIX + "pair:" + address + ":" + normal(username);
    }

    private static String addressKey(String address) {
        return PREFIX + "address:" + address;
    }
}
