package io.tavola.auth.login;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ExpireArgs;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.tavola.common.error.ApiException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Counts failed logins per username and per client address in Redis for a sliding-free fixed window.
 * Past a few failures answers are slowed down; past the limit the login is refused with 429 until the
 * window ends. If Redis is unreachable logins still work (logged), the gateway's limits still apply.
 */
@ApplicationScoped
@Startup // so its metrics exist before the first login
public class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class);
    private static final String PREFIX = "tavola:auth:login-failures:";

    final ReactiveRedisDataSource redis;
    final Duration window;
    final int maxPerUser;
    final int maxPerAddress;
    final int slowdownAfter;

    LoginThrottle(ReactiveRedisDataSource redis,
            @ConfigProperty(name = "tavola.auth.throttle.window") Duration window,
            @ConfigProperty(name = "tavola.auth.throttle.max-failures-per-user") int maxPerUser,
            @ConfigProperty(name = "tavola.auth.throttle.max-failures-per-address") int maxPerAddress,
            @ConfigProperty(name = "tavola.auth.throttle.slowdown-after") int slowdownAfter) {
        this.redis = redis;
        this.window = window;
        this.maxPerUser = maxPerUser;
        this.maxPerAddress = maxPerAddress;
        this.slowdownAfter = slowdownAfter;
    }

    /** {@code tavola_login_failures_total}: reason bad_credentials (a 401) or locked_out (a 429). */
    @Inject
    MeterRegistry registry;

    @PostConstruct
    void registerMeters() {
        registry.counter("tavola.login.failures", "reason", "bad_credentials");
        registry.counter("tavola.login.failures", "reason", "locked_out");
    }

    /** Fails with 429 (and Retry-After) while the username or the address is locked out. */
    public Uni<Void> checkAllowed(String username, String address) {
        return locked(userKey(username), maxPerUser)
                .chain(userWait -> userWait > 0 ? Uni.createFrom().item(userWait) : locked(addressKey(address), maxPerAddress))
                .map(wait -> {
                    if (wait > 0) {
                        registry.counter("tavola.login.failures", "reason", "locked_out").increment();
                        throw ApiException.tooManyRequests("Too many failed logins; try again later", wait);
                    }
                    return null;
                })
                .onFailure(e -> !(e instanceof ApiException)).recoverWithItem(this::redisDown)
                .replaceWithVoid();
    }

    /** Records a failure and returns how long to hold the answer back. */
    public Uni<Duration> recordFailure(String username, String address) {
        registry.counter("tavola.login.failures", "reason", "bad_credentials").increment();
        // neither the username (people type passwords into it) nor the password: the request id links it up
        LOG.info("Failed login: bad credentials");
        return increment(userKey(username)).chain(userFailures -> increment(addressKey(address))
                .map(addressFailures -> {
                    long over = Math.max(userFailures, 0) - slowdownAfter;
                    return over > 0 ? Duration.ofMillis(Math.min(2000, 250 * over)) : Duration.ZERO;
                }))
                .onFailure().recoverWithItem(e -> {
                    redisDown(e);
                    return Duration.ZERO;
                });
    }

    public Uni<Void> recordSuccess(String username) {
        return redis.key().del(userKey(username)).replaceWithVoid().onFailure().recoverWithItem(this::redisDown);
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

    private static String userKey(String username) {
        return PREFIX + "user:" + username.trim().toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return PREFIX + "address:" + address;
    }
}
