package io.tavola.restaurant.menu;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.tavola.common.error.ApiException;
import io.tavola.restaurant.image.ImageUrls;
import io.tavola.restaurant.menu.MenuItemDtos.ModifierGroupView;
import io.tavola.restaurant.restaurant.Restaurant;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Builds the diner menu from the database: available items grouped by category, in display order. The
 * request is scoped to the restaurant in its path (PublicMenuResource), so the queries name none.
 */
@ApplicationScoped
public class PublicMenu {

    public record View(MenuRestaurant restaurant, List<MenuCategory> categories) {}

    public record MenuRestaurant(UUID id, String name, String description, String address, String phone,
            String logoUrl, String currency, String timeZone) {}

    public record MenuCategory(UUID id, String name, String description, List<MenuEntry> items) {}

    public record MenuEntry(UUID id, String name, String description, BigDecimal price, String imageUrl,
            Integer preparationMinutes, List<String> dietaryTags, List<String> allergens,
            List<ModifierGroupView> modifierGroups) {}

    /** 404 for an unknown or deactivated restaurant: its menu is not served to diners. */
    public Uni<View> build(UUID restaurantId) {
        return Panache.withSession(() -> Restaurant.<Restaurant>findById(restaurantId).chain(r -> {
            if (r == null || !r.active) {
                return Uni.createFrom().failure(ApiException.notFound("Menu"));
            }
            return Category.<Category>listAll(Sort.by("displayOrder").and("name").and("id"))
                    .chain(categories -> MenuItem.<MenuItem>list("available = true",
                            Sort.by("displayOrder").and("name").and("id"))
                            .chain(items -> ModifierGraph.load(items.stream().map(i -> i.id).toList())
                                    .map(graph -> assemble(r, categories, items, graph))));
        }));
    }

    private static View assemble(Restaurant r, List<Category> categories, List<MenuItem> items, ModifierGraph graph) {
        List<MenuCategory> sections = new ArrayList<>();
        for (Category c : categories) {
            List<MenuEntry> entries = items.stream().filter(i -> i.categoryId.equals(c.id))
                    .map(i -> new MenuEntry(i.id, i.name, i.description, i.price, ImageUrls.of(r.id, i.imageId),
                            i.preparationMinutes, MenuVocabulary.split(i.dietaryTags),
                            MenuVocabulary.split(i.allergens), graph.views(i.id)))
                    .toList();
            if (!entries.isEmpty()) {
                sections.add(new MenuCategory(c.id, c.name, c.description, entries));
            }
        }
        return new View(new MenuRestaurant(r.id, r.name, r.description, r.address, r.phone,
                ImageUrls.of(r.id, r.logoImageId), r.currency, r.timeZone), sections);
    }
}
