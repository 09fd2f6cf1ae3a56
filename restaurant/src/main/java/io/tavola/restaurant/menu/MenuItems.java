package io.tavola.restaurant.menu;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.tavola.common.error.ApiException;
import io.tavola.common.web.PageRequest;
import io.tavola.common.web.PageResult;
import io.tavola.restaurant.image.ImageStore;
import io.tavola.restaurant.menu.MenuItemDtos.MenuItemRequest;
import io.tavola.restaurant.menu.MenuItemDtos.MenuItemView;
import io.tavola.restaurant.menu.MenuItemDtos.ModifierGroupRequest;
import io.tavola.restaurant.restaurant.Restaurants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Menu items with their modifier groups; the tenant filter bounds every query to the caller's restaurant.
 * After a change committed, the cached public menu is dropped and an availability flip is published at
 * once (its event was written to the outbox in the change's transaction).
 */
@ApplicationScoped
public class MenuItems {

    @Inject
    ImageStore images;

    @Inject
    MenuEvents events;

    @Inject
    PublicMenuCache menuCache;

    /** An item after a change, and whether its availability flipped (diners must hear of it). */
    private record Changed(MenuItemView item, boolean announced) {}

    public Uni<PageResult<MenuItemView>> list(UUID restaurantId, UUID categoryId, PageRequest page) {
        Sort sort = Sort.by("displayOrder").and("name").and("id");
        return Panache.withSession(() -> {
            var query = categoryId == null ? MenuItem.<MenuItem>findAll(sort)
                    : MenuItem.<MenuItem>find("categoryId", sort, categoryId);
            return Restaurants.require(restaurantId).chain(() -> query.page(page.page, page.size).list())
                    .chain(items -> views(items))
                    .chain(views -> query.count().map(total -> new PageResult<>(views, page.page, page.size, total)));
        });
    }

    public Uni<MenuItemView> get(UUID id) {
        return Panache.withSession(() -> require(id).chain(item -> view(item)));
    }

    public Uni<MenuItemView> create(UUID restaurantId, MenuItemRequest request) {
        List<String> tags = MenuVocabulary.check("dietary_tags", request.dietaryTags(), MenuVocabulary.DIETARY_TAGS);
        List<String> allergens = MenuVocabulary.check("allergens", request.allergens(), MenuVocabulary.ALLERGENS);
        checkModifierRules(request.modifierGroups());
        return Panache.withTransaction(() -> Restaurants.require(restaurantId)
                .chain(() -> requireCategory(request.categoryId()))
                .chain(() -> {
                    MenuItem item = new MenuItem();
                    item.id = UUID.randomUUID();
                    item.restaurantId = restaurantId;
                    item.available = request.isAvailable() == null || request.isAvailable();
                    apply(item, request, tags, allergens);
                    item.createdAt = Instant.now();
                    item.updatedAt = item.createdAt;
                    return item.<MenuItem>persist();
                })
                .call(item -> ModifierSync.sync(item, request.modifierGroups(), List.of(), List.of()))
                .call(item -> events.menuChanged(restaurantId, MenuEvents.MenuChanged.item("added", item.id)))
                .chain(item -> view(item)))
                .call(() -> menuCache.invalidate(restaurantId))
                .invoke(events::publishNow);
    }

    /** A full update; flipping {@code is_available} here is announced like the availability endpoint's. */
    public Uni<MenuItemView> update(UUID restaurantId, UUID id, MenuItemRequest request) {
        List<String> tags = MenuVocabulary.check("dietary_tags", request.dietaryTags(), MenuVocabulary.DIETARY_TAGS);
        List<String> allergens = MenuVocabulary.check("allergens", request.allergens(), MenuVocabulary.ALLERGENS);
        checkModifierRules(request.modifierGroups());
        return afterCommit(restaurantId, Panache.withTransaction(() -> require(id)
                .call(() -> requireCategory(request.categoryId()))
                .chain(item -> ModifierGraph.load(List.of(item.id)).chain(graph -> {
                    boolean wasAvailable = item.available;
                    if (request.isAvailable() != null) {
                        item.available = request.isAvailable();
                    }
                    apply(item, request, tags, allergens);
                    item.updatedAt = Instant.now();
                    List<ModifierOption> existingOptions = graph.groups(item.id).stream()
                            .flatMap(g -> graph.options(g.id).stream()).toList();
                    boolean flipped = wasAvailable != item.available;
                    return ModifierSync.sync(item, request.modifierGroups(), graph.groups(item.id), existingOptions)
                            .call(() -> flipped ? events.itemAvailabilityChanged(item.restaurantId, item.id, item.name,
                                    item.available) : Uni.createFrom().voidItem())
                            .call(() -> events.menuChanged(item.restaurantId, MenuEvents.MenuChanged.item("changed", item.id)))
                            .chain(() -> view(item))
                            .map(v -> new Changed(v, true));
                }))));
    }

    /** 86'ing (or un-86'ing) an item. */
    public Uni<MenuItemView> setAvailability(UUID restaurantId, UUID id, boolean available) {
        return afterCommit(restaurantId, Panache.withTransaction(() -> require(id).chain(item -> {
            boolean changed = item.available != available;
            item.available = available;
            if (!changed) {
                return view(item).map(v -> new Changed(v, false));
            }
            item.updatedAt = Instant.now();
            return events.itemAvailabilityChanged(item.restaurantId, item.id, item.name, available)
                    .chain(() -> view(item)).map(v -> new Changed(v, true));
        })));
    }

    /** Diners still looking at an available item are told it is gone, as if it were 86'd. */
    public Uni<Void> delete(UUID restaurantId, UUID id) {
        // modifier groups and options go with the item (on delete cascade)
        return Panache.withTransaction(() -> require(id)
                .call(item -> item.available
                        ? events.itemAvailabilityChanged(item.restaurantId, item.id, item.name, false)
                        : Uni.createFrom().voidItem())
                .call(item -> events.menuChanged(item.restaurantId, MenuEvents.MenuChanged.item("removed", item.id)))
                .call(item -> item.delete())
                .call(item -> images.delete(item.imageId)))
                .call(() -> menuCache.invalidate(restaurantId))
                .invoke(events::publishNow)
                .replaceWithVoid();
    }

    /** Replaces the picture; the bytes were checked before the transaction, the old image goes with it. */
    public Uni<MenuItemView> setImage(UUID restaurantId, UUID id, byte[] bytes) {
        return Panache.withTransaction(() -> require(id).chain(item -> images.store(item.restaurantId, bytes)
                .chain(image -> {
                    UUID old = item.imageId;
                    item.imageId = image.id;
                    item.updatedAt = Instant.now();
                    return images.delete(old);
                })
                .call(() -> events.menuChanged(item.restaurantId, MenuEvents.MenuChanged.item("changed", item.id)))
                .chain(() -> view(item))))
                .call(() -> menuCache.invalidate(restaurantId))
                .invoke(events::publishNow);
    }

    public Uni<MenuItemView> deleteImage(UUID restaurantId, UUID id) {
        return Panache.withTransaction(() -> require(id).chain(item -> {
            UUID old = item.imageId;
            item.imageId = null;
            item.updatedAt = Instant.now();
            return images.delete(old)
                    .call(() -> events.menuChanged(item.restaurantId, MenuEvents.MenuChanged.item("changed", item.id)))
                    .chain(() -> view(item));
        })).call(() -> menuCache.invalidate(restaurantId)).invoke(events::publishNow);
    }

    /** After the commit: drop the cached public menu, then tell live clients about an 86. */
    private Uni<MenuItemView> afterCommit(UUID restaurantId, Uni<Changed> committed) {
        return committed.call(() -> menuCache.invalidate(restaurantId))
                .invoke(c -> {
                    if (c.announced()) {
                        events.publishNow();
                    }
                })
                .map(Changed::item);
    }

    static Uni<MenuItem> require(UUID id) {
        return MenuItem.<MenuItem>findById(id).onItem().ifNull().failWith(() -> ApiException.notFound("Menu item"));
    }

    /** Only a category of the same restaurant: another's is outside the tenant filter, as if unknown. */
    private static Uni<Category> requireCategory(UUID categoryId) {
        return Category.<Category>findById(categoryId)
                .onItem().ifNull().failWith(() -> ApiException.invalidField("category_id", "unknown category"));
    }

    private Uni<MenuItemView> view(MenuItem item) {
        return views(List.of(item)).map(list -> list.get(0));
    }

    private Uni<List<MenuItemView>> views(List<MenuItem> items) {
        return ModifierGraph.load(items.stream().map(i -> i.id).toList())
                .map(graph -> items.stream().map(i -> MenuItemView.of(i, graph.views(i.id))).toList());
    }

    /** Rules a group must satisfy to be choosable at all: min <= max, and enough options for min. */
    static void checkModifierRules(List<ModifierGroupRequest> groups) {
        if (groups == null) {
            return;
        }
        for (int i = 0; i < groups.size(); i++) {
            ModifierGroupRequest g = groups.get(i);
            if (g.minSelect() > g.maxSelect()) {
                throw ApiException.invalidField("modifier_groups[" + i + "].min_select",
                        "must not be greater than max_select");
            }
            if (g.minSelect() > g.options().size()) {
                throw ApiException.invalidField("modifier_groups[" + i + "].min_select",
                        "must not exceed the number of options");
            }
        }
    }

    private static void apply(MenuItem item, MenuItemRequest request, List<String> tags, List<String> allergens) {
        item.categoryId = request.categoryId();
        item.name = request.name().strip();
        item.description = request.description() == null || request.description().isBlank() ? null
                : request.description().strip();
        item.price = request.price().setScale(2);
        item.preparationMinutes = request.preparationMinutes();
        item.dietaryTags = MenuVocabulary.join(tags);
        item.allergens = MenuVocabulary.join(allergens);
        item.displayOrder = request.displayOrder() == null ? 0 : request.displayOrder();
    }
}
