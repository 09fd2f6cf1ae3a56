package io.tavola.restaurant.menu;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import io.tavola.common.menu.MenuVersion;
import io.tavola.restaurant.RestaurantConfig;
import io.tavola.restaurant.restaurant.RestaurantListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The public menu's JSON in Redis, one entry per restaurant and menu version. A change sets a new
 * random version after its transaction committed, so a reader that built the menu from data older than
 * the change can only ever store it under a version nobody asks for any more (no stale menu after an
 * 86). Versions never repeat and outlive every entry stored under them (twice the entries' TTL), so
 * neither kind of key piles up in Redis. Redis trouble degrades to building the menu from PostgreSQL;
 * it never fails a diner's request. A change to the restaurant itself (its name, its logo) reaches the
 * cache as a {@link RestaurantListener}.
 */
@ApplicationScoped
public class PublicMenuCache implements RestaurantListener {

    static final String PREFIX = "tavola:restaurant:";
    private static final Logger LOG = Logger.getLogger(PublicMenuCache.class);
    // per instance, made at run time: a SecureRandom created in a static initialiser would be seeded
    // once at native-image build time and shared by every executable built from it
    private final SecureRandom random = new SecureRandom();

    private final ReactiveValueCommands<String, String> values;
    private final Duration ttl;

    public PublicMenuCache(ReactiveRedisDataSource redis, RestaurantConfig config) {
        this.values = redis.value(String.class, String.class);
        this.ttl = config.menuCache().ttl();
    }

    /** What the cache holds for a restaurant now: the version to store under, and the JSON if cached. */
    public record Entry(String version, String json) {}

    public Uni<Entry> get(UUID restaurantId) {
        return values.get(MenuVersion.key(restaurantId))
                .chain(v -> {
                    String version = MenuVersion.of(v);
                    return values.get(menuKey(restaurantId, version)).map(json -> new Entry(version, json));
                })
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("menu cache unavailable, serving from the database: %s", e.getMessage());
                    return new Entry(null, null);
                });
    }

    public Uni<Void> put(UUID restaurantId, String version, String json) {
        if (version == null) {
            return Uni.createFrom().voidItem();
        }
        return values.setex(menuKey(restaurantId, version), ttl.toSeconds(), json)
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("could not cache the menu of %s: %s", restaurantId, e.getMessage());
                    return null;
                });
    }

    /** Call after the change committed. */
    public Uni<Void> invalidate(UUID restaurantId) {
        String version = Long.toUnsignedString(random.nextLong(), 36);
        return values.setex(MenuVersion.key(restaurantId), 2 * ttl.toSeconds(), version)
                .onFailure().recoverWithItem(e -> {
                    // the entry's TTL still bounds how long a stale menu can be served
                    LOG.errorf("could not invalidate the menu cache of %s: %s", restaurantId, e.getMessage());
                    return null;
                });
    }

    /** The menu shows the restaurant's name, contact and logo. */
    @Override
    public Uni<Void> changed(UUID restaurantId, boolean closed) {
        return invalidate(restaurantId);
    }

    /** The menu version now, or null when Redis cannot tell (read it before reading what it versions). */
    public Uni<String> version(UUID restaurantId) {
        return values.get(MenuVersion.key(restaurantId)).map(MenuVersion::of)
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("menu version unavailable: %s", e.getMessage());
                    return null;
                });
    }

    static String menuKey(UUID restaurantId, String version) {
        return PREFIX + "menu:" + restaurantId + ":" + version;
    }
}
