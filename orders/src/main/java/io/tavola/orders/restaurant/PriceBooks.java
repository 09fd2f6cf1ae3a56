package io.tavola.orders.restaurant;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import io.tavola.common.menu.MenuVersion;
import io.tavola.common.menu.PriceBook;
import io.tavola.common.menu.Quote;
import io.tavola.orders.OrdersConfig;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Prices an order from this service's copy of the restaurant's price book while the book's menu version
 * is the one in Redis now: one Redis read per order instead of a call to the restaurant service. The
 * restaurant service sets a new version after every committed change a quote would see, so a copy is as
 * current as the diner's public menu. A copy also ends after {@code tavola.orders.price-book.max-age},
 * shorter than a version's life in Redis, so a key that expired and reads "0" again can never match a copy
 * read long ago. When Redis cannot be asked, the restaurant service's quote answers instead.
 */
@ApplicationScoped
public class PriceBooks {

    private static final Logger LOG = Logger.getLogger(PriceBooks.class);

    private record Copy(PriceBook book, long readAtMillis) {}

    private final Map<UUID, Copy> copies = new ConcurrentHashMap<>();
    private final Map<UUID, Uni<PriceBook>> reading = new ConcurrentHashMap<>();
    private final ReactiveValueCommands<String, String> versions;
    private final RestaurantClient restaurants;
    private final OrdersConfig.PriceBookSettings settings;

    PriceBooks(ReactiveRedisDataSource redis, RestaurantClient restaurants, OrdersConfig config) {
        this.versions = redis.value(String.class, String.class);
        this.restaurants = restaurants;
        this.settings = config.priceBook();
    }

    public Uni<Quote> quote(UUID restaurantId, List<Quote.RequestLine> lines) {
        Quote.Request request = new Quote.Request(lines);
        return currentVersion(restaurantId).chain(version -> {
            if (version == null) {
                return restaurants.quote(restaurantId, lines);
            }
            Copy copy = copies.get(restaurantId);
            if (copy != null && version.equals(copy.book().version())
                    && System.currentTimeMillis() - copy.readAtMillis() < settings.maxAge().toMillis()) {
                return Uni.createFrom().item(copy.book().quote(request));
            }
            return read(restaurantId).chain(book -> version.equals(book.version()) ? Uni.createFrom().item(book)
                    // a read that began before this order saw the new version: read again, for this order
                    : restaurants.book(restaurantId).invoke(again -> keep(restaurantId, again)))
                    .map(book -> book.quote(request));
        });
    }

    /**
     * One read of a restaurant's book at a time: the orders that find no current copy meanwhile (a cold
     * start under a rush, the first orders after a menu change) wait for it instead of each asking the
     * restaurant service. Each gets the answer back on its own request's context, where its transaction runs.
     */
    private Uni<PriceBook> read(UUID restaurantId) {
        return Uni.createFrom().deferred(() -> {
            Context caller = Vertx.currentContext();
            Uni<PriceBook> shared = reading.computeIfAbsent(restaurantId, id -> restaurants.book(id)
                    .invoke(book -> keep(id, book))
                    .onTermination().invoke(() -> reading.remove(id))
                    .memoize().indefinitely());
            return caller == null ? shared : shared.emitOn(task -> {
                if (Vertx.currentContext() == caller) {
                    task.run();
                } else {
                    caller.runOnContext(ignored -> task.run());
                }
            });
        });
    }

    /** Null when Redis cannot tell: then nothing may be priced from a copy. */
    private Uni<String> currentVersion(UUID restaurantId) {
        return versions.get(MenuVersion.key(restaurantId)).map(MenuVersion::of)
                .ifNoItem().after(settings.versionTimeout()).fail()
                .onFailure().recoverWithItem(e -> {
                    LOG.debugf("menu version unavailable, asking the restaurant service: %s", e.toString());
                    return null;
                });
    }

    /** A book the restaurant service could not version (its Redis away) prices this order only. */
    private void keep(UUID restaurantId, PriceBook book) {
        if (book.version() == null) {
            copies.remove(restaurantId);
            return;
        }
        if (copies.size() >= settings.maxRestaurants() && !copies.containsKey(restaurantId)) {
            copies.clear();
        }
        copies.put(restaurantId, new Copy(book, System.currentTimeMillis()));
    }
}
