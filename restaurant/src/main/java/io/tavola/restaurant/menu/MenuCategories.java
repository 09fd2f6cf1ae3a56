package io.tavola.restaurant.menu;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.tavola.common.error.ApiException;
import io.tavola.common.web.PageRequest;
import io.tavola.common.web.PageResult;
import io.tavola.restaurant.menu.CategoryDtos.CategoryRequest;
import io.tavola.restaurant.menu.CategoryDtos.CategoryView;
import io.tavola.restaurant.restaurant.Restaurants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;

/**
 * Categories of one restaurant: the tenant filter bounds every query to the restaurant the caller was
 * scoped to. After a change committed, the cached public menu is dropped.
 */
@ApplicationScoped
public class MenuCategories {

    @Inject
    PublicMenuCache menuCache;

    @Inject
    MenuEvents events;

    public Uni<PageResult<CategoryView>> list(UUID restaurantId, PageRequest page) {
        return Panache.withSession(() -> {
            var query = Category.<Category>findAll(Sort.by("displayOrder").and("name").and("id"));
            return Restaurants.require(restaurantId).chain(() -> query.page(page.page, page.size).list())
                    .chain(items -> query.count()
                            .map(total -> new PageResult<>(items.stream().map(CategoryView::of).toList(), page.page,
                                    page.size, total)));
        });
    }

    public Uni<Category> get(UUID id) {
        return Panache.withSession(() -> require(id));
    }

    public Uni<Category> create(UUID restaurantId, CategoryRequest request) {
        return Panache.withTransaction(() -> Restaurants.require(restaurantId)
                .chain(() -> ensureNameFree(restaurantId, request.name().strip(), null))
                .chain(() -> {
                    Category c = new Category();
                    c.id = UUID.randomUUID();
                    c.restaurantId = restaurantId;
                    apply(c, request);
                    c.createdAt = Instant.now();
                    c.updatedAt = c.createdAt;
                    return c.<Category>persist();
                })
                .call(c -> events.menuChanged(restaurantId, MenuEvents.MenuChanged.category("added", c.id))))
                .call(() -> menuCache.invalidate(restaurantId))
                .invoke(events::publishNow);
    }

    public Uni<Category> update(UUID restaurantId, UUID id, CategoryRequest request) {
        return Panache.withTransaction(() -> require(id)
                .call(c -> ensureNameFree(restaurantId, request.name().strip(), id))
                .invoke(c -> {
                    apply(c, request);
                    c.updatedAt = Instant.now();
                })
                .call(c -> events.menuChanged(restaurantId, MenuEvents.MenuChanged.category("changed", c.id))))
                .call(() -> menuCache.invalidate(restaurantId))
                .invoke(events::publishNow);
    }

    /** A category that still holds items is not deleted: the items would be lost from the menu. */
    public Uni<Void> delete(UUID restaurantId, UUID id) {
        return Panache.withTransaction(() -> require(id)
                .call(c -> MenuItem.count("categoryId", id).invoke(n -> {
                    if (n > 0) {
                        throw ApiException.conflict("category-not-empty",
                                "The category still holds " + n + " menu item(s); move or delete them first");
                    }
                }))
                .call(c -> events.menuChanged(restaurantId, MenuEvents.MenuChanged.category("removed", c.id)))
                .chain(c -> c.delete()))
                .call(() -> menuCache.invalidate(restaurantId))
                .invoke(events::publishNow);
    }

    public static Uni<Category> require(UUID id) {
        return Category.<Category>findById(id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Category"));
    }

    /** Names are unique per restaurant (the index on restaurant_id, lower(name)): the key names it. */
    private static Uni<Void> ensureNameFree(UUID restaurantId, String name, UUID except) {
        return Category.count("restaurantId = ?1 and lower(name) = lower(?2) and id <> ?3", restaurantId, name,
                except == null ? new UUID(0, 0) : except).invoke(n -> {
                    if (n > 0) {
                        throw ApiException.conflict("category-exists", "A category named '" + name + "' exists");
                    }
                }).replaceWithVoid();
    }

    private static void apply(Category c, CategoryRequest request) {
        c.name = request.name().strip();
        c.description = request.description() == null || request.description().isBlank() ? null
                : request.description().strip();
        c.displayOrder = request.displayOrder() == null ? 0 : request.displayOrder();
    }
}
