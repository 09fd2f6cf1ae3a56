package io.tavola.restaurant.table;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tavola.common.error.ApiException;
import io.tavola.common.security.TokenRevocations;
import io.tavola.common.tenancy.TenantScope;
import io.tavola.common.web.PageRequest;
import io.tavola.common.web.PageResult;
import io.tavola.restaurant.restaurant.Restaurant;
import io.tavola.restaurant.restaurant.RestaurantListener;
import io.tavola.restaurant.restaurant.Restaurants;
import io.tavola.restaurant.table.TableDtos.QrLookup;
import io.tavola.restaurant.table.TableDtos.TableRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Tables of one restaurant; the tenant filter bounds every query to the restaurant the caller was scoped
 * to. A restaurant taken out of service ends its tables' guest tokens ({@link RestaurantListener}).
 */
@ApplicationScoped
public class DiningTables implements RestaurantListener {

    private static final Sort ORDER = Sort.by("zone").and("tableNumber").and("id");

    @Inject
    QrCodes qrCodes;

    @Inject
    TokenRevocations revocations;

    @Inject
    OpenTabs openTabs;

    public Uni<PageResult<DiningTable>> list(UUID restaurantId, PageRequest page) {
        return Panache.withSession(() -> {
            var query = DiningTable.<DiningTable>findAll(ORDER);
            return Restaurants.require(restaurantId).chain(() -> query.page(page.page, page.size).list())
                    .chain(items -> query.count().map(total -> new PageResult<>(items, page.page, page.size, total)));
        });
    }

    /** Every active table, for the printable QR sheet. */
    public Uni<List<DiningTable>> allActive(UUID restaurantId) {
        return Panache.withSession(() -> Restaurants.require(restaurantId)
                .chain(() -> DiningTable.<DiningTable>list("active = true", ORDER)));
    }

    public Uni<DiningTable> get(UUID id) {
        return Panache.withSession(() -> require(id));
    }

    public Uni<DiningTable> create(UUID restaurantId, TableRequest request) {
        return Panache.withTransaction(() -> Restaurants.require(restaurantId)
                .chain(() -> ensureNumberFree(restaurantId, request.tableNumber().strip(), null))
                .chain(() -> {
                    DiningTable t = new DiningTable();
                    t.id = UUID.randomUUID();
                    t.restaurantId = restaurantId;
                    t.qrToken = qrCodes.newToken();
                    apply(t, request);
                    t.createdAt = Instant.now();
                    t.updatedAt = t.createdAt;
                    return t.persist();
                }));
    }

    /** Deactivating a table bumps its generation; after the commit its older guest tokens end. */
    public Uni<DiningTable> update(UUID restaurantId, UUID id, TableRequest request) {
        return Panache.withTransaction(() -> require(id)
                .call(t -> ensureNumberFree(restaurantId, request.tableNumber().strip(), id))
                .map(t -> {
                    boolean wasActive = t.active;
                    apply(t, request);
                    if (wasActive && !t.active) {
                        t.generation++;
                    }
                    t.updatedAt = Instant.now();
                    return t;
                }))
                .call(this::endOlderGuestTokens);
    }

    public Uni<DiningTable> setStatus(UUID id, String status) {
        return Panache.withTransaction(() -> require(id).map(t -> {
            t.status = status;
            t.updatedAt = Instant.now();
            return t;
        }));
    }

    /** A new token: codes printed with the old one stop working at once, and so do its guests' tokens. */
    public Uni<DiningTable> rotateToken(UUID id) {
        return Panache.withTransaction(() -> require(id).map(t -> {
            t.qrToken = qrCodes.newToken();
            t.generation++;
            t.updatedAt = Instant.now();
            return t;
        })).call(this::endOlderGuestTokens);
    }

    /**
     * A table whose party still has an open tab stays (409): orders is asked first, with the caller's token.
     * A tab opened between that answer and the delete keeps its orders (orders holds the table's label); it
     * can no longer take new ones. After the commit, none of the table's guest tokens is valid any more.
     */
    public Uni<Void> delete(UUID restaurantId, UUID id, String authorization) {
        return get(id)
                .call(t -> openTabs.atTable(restaurantId, id, authorization).invoke(open -> {
                    if (open) {
                        throw ApiException.conflict("table-has-open-tab", "'" + t.label
                                + "' still has an open tab: close it or clear the table first, then remove it");
                    }
                }))
                .chain(() -> Panache.withTransaction(() -> require(id).chain(t -> t.delete())))
                .call(() -> revocations.revokeTableBefore(id, Long.MAX_VALUE));
    }

    /**
     * The restaurant is taken out of service: a new generation for each of its tables (in its
     * transaction). The restaurant is the subject of the statement, so it names it even though the
     * tenant filter bounds it too.
     */
    @Override
    public Uni<Void> closing(UUID restaurantId) {
        return DiningTable.update("generation = generation + 1 where restaurantId = ?1", restaurantId)
                .replaceWithVoid();
    }

    /** ...and after the commit, every guest token of the restaurant ends (named, as above). */
    @Override
    public Uni<Void> changed(UUID restaurantId, boolean closed) {
        if (!closed) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withSession(() -> DiningTable.<DiningTable>list("restaurantId", restaurantId))
                .chain(tables -> Multi.createFrom().iterable(tables)
                        .onItem().transformToUniAndConcatenate(this::endOlderGuestTokens)
                        .collect().asList())
                .replaceWithVoid();
    }

    /**
     * Public: the table a QR token belongs to, if the table and its restaurant are in service. The token
     * is a unique secret (192 random bits) and the restaurant is what the lookup finds, so this one read
     * spans every restaurant.
     */
    public Uni<QrLookup> lookup(String token) {
        if (!QrCodes.plausibleToken(token)) {
            return Uni.createFrom().failure(ApiException.notFound("Table"));
        }
        TenantScope.set(TenantScope.ALL);
        return Panache.withSession(() -> DiningTable.<DiningTable>find("qrToken = ?1 and active = true", token)
                .firstResult()
                .onItem().ifNull().failWith(() -> ApiException.notFound("Table"))
                .chain(t -> Restaurant.<Restaurant>findById(t.restaurantId).map(r -> {
                    if (r == null || !r.active) {
                        throw ApiException.notFound("Table");
                    }
                    return new QrLookup(r.id, t.id, t.tableNumber, t.label, r.name, r.currency, t.generation);
                })));
    }

    /**
     * After a change committed: guest tokens of an older generation of this table are refused by every
     * service from now on (the shared deny-list), and the gateway closes their sockets.
     */
    private Uni<DiningTable> endOlderGuestTokens(DiningTable table) {
        return revocations.revokeTableBefore(table.id, table.generation).replaceWith(table);
    }

    static Uni<DiningTable> require(UUID id) {
        return DiningTable.<DiningTable>findById(id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Table"));
    }

    /** Numbers are unique per restaurant (the index on restaurant_id, lower(table_number)): the key names it. */
    private static Uni<Void> ensureNumberFree(UUID restaurantId, String number, UUID except) {
        return DiningTable.count("restaurantId = ?1 and lower(tableNumber) = lower(?2) and id <> ?3", restaurantId,
                number, except == null ? new UUID(0, 0) : except).invoke(n -> {
                    if (n > 0) {
                        throw ApiException.conflict("table-number-taken", "Table number '" + number + "' exists");
                    }
                }).replaceWithVoid();
    }

    private static void apply(DiningTable t, TableRequest request) {
        t.tableNumber = request.tableNumber().strip();
        t.label = request.label() == null || request.label().isBlank() ? "Table " + t.tableNumber
                : request.label().strip();
        t.capacity = request.capacity();
        if (request.status() != null) {
            t.status = request.status();
        } else if (t.status == null) {
            t.status = "available";
        }
        t.zone = request.zone() == null || request.zone().isBlank() ? null : request.zone().strip();
        t.active = request.isActive() == null || request.isActive();
    }
}
