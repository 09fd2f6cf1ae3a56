package io.tavola.restaurant.quote;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.tavola.common.error.ApiException;
import io.tavola.common.menu.PriceBook;
import io.tavola.common.menu.Quote;
import io.tavola.restaurant.menu.MenuItem;
import io.tavola.restaurant.menu.ModifierGraph;
import io.tavola.restaurant.menu.PublicMenuCache;
import io.tavola.restaurant.restaurant.Restaurant;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Authoritative prices, availability and modifier-rule checks for the lines of an order, and the whole
 * price book the orders service prices from while its version holds. Both read every item of the
 * restaurant the path names (86'd ones too: an order for one is refused, not unknown); a deactivated
 * restaurant still answers (with is_active false) so the orders service can tell the diner why.
 */
@ApplicationScoped
public class PriceQuotes {

    private final PublicMenuCache versions;

    PriceQuotes(PublicMenuCache versions) {
        this.versions = versions;
    }

    public Uni<Quote> quote(UUID restaurantId, Quote.Request request) {
        List<UUID> itemIds = request.lines().stream().map(Quote.RequestLine::menuItemId).distinct().toList();
        return Panache.withSession(() -> read(restaurantId, null, () -> MenuItem.list("id in ?1", itemIds)))
                .map(book -> book.quote(request));
    }

    /**
     * The restaurant's whole book under the version read before it (so a change committed meanwhile
     * leaves the book under a version that is no longer current); version null when Redis cannot tell.
     */
    public Uni<PriceBook> book(UUID restaurantId) {
        return versions.version(restaurantId).chain(version -> Panache.withSession(() -> read(restaurantId, version,
                () -> MenuItem.listAll(Sort.by("displayOrder").and("name").and("id")))));
    }

    private static Uni<PriceBook> read(UUID restaurantId, String version, Supplier<Uni<List<MenuItem>>> items) {
        return Restaurant.<Restaurant>findById(restaurantId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Restaurant"))
                .chain(r -> items.get().chain(found -> ModifierGraph.load(found.stream().map(i -> i.id).toList())
                        .map(graph -> new PriceBook(version, new Quote.Restaurant(r.id, r.name, r.currency,
                                r.timeZone, r.active, r.orderConfirmationRequired, r.serviceRequestCooldownSeconds),
                                found.stream().map(i -> new PriceBook.Item(i.id, i.name, i.price, i.available,
                                        i.preparationMinutes, groups(graph, i.id))).toList()))));
    }

    private static List<PriceBook.Group> groups(ModifierGraph graph, UUID itemId) {
        return graph.groups(itemId).stream().map(g -> new PriceBook.Group(g.id, g.name, g.minSelect, g.maxSelect,
                graph.options(g.id).stream().map(o -> new PriceBook.Option(o.id, o.name, o.priceDelta)).toList()))
                .toList();
    }
}
