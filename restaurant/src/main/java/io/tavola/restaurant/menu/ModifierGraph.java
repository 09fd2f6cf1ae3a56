package io.tavola.restaurant.menu;

import io.smallrye.mutiny.Uni;
import io.tavola.restaurant.menu.MenuItemDtos.ModifierGroupView;
import io.tavola.restaurant.menu.MenuItemDtos.ModifierOptionView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The modifier groups and options of a set of items, read in two queries (not one per item). */
public record ModifierGraph(Map<UUID, List<ModifierGroup>> groupsByItem, Map<UUID, List<ModifierOption>> optionsByGroup) {

    public static Uni<ModifierGraph> load(Collection<UUID> itemIds) {
        if (itemIds.isEmpty()) {
            return Uni.createFrom().item(new ModifierGraph(Map.of(), Map.of()));
        }
        return ModifierGroup.<ModifierGroup>list("menuItemId in ?1 order by displayOrder, name, id", itemIds)
                .chain(groups -> {
                    List<UUID> groupIds = groups.stream().map(g -> g.id).toList();
                    Uni<List<ModifierOption>> options = groupIds.isEmpty() ? Uni.createFrom().item(List.of())
                            : ModifierOption.list("groupId in ?1 order by displayOrder, name, id", groupIds);
                    return options.map(opts -> {
                        Map<UUID, List<ModifierGroup>> byItem = new LinkedHashMap<>();
                        groups.forEach(g -> byItem.computeIfAbsent(g.menuItemId, k -> new ArrayList<>()).add(g));
                        Map<UUID, List<ModifierOption>> byGroup = new LinkedHashMap<>();
                        opts.forEach(o -> byGroup.computeIfAbsent(o.groupId, k -> new ArrayList<>()).add(o));
                        return new ModifierGraph(byItem, byGroup);
                    });
                });
    }

    public List<ModifierGroup> groups(UUID itemId) {
        return groupsByItem.getOrDefault(itemId, List.of());
    }

    public List<ModifierOption> options(UUID groupId) {
        return optionsByGroup.getOrDefault(groupId, List.of());
    }

    public List<ModifierGroupView> views(UUID itemId) {
        return groups(itemId).stream().map(g -> new ModifierGroupView(g.id, g.name, g.minSelect, g.maxSelect,
                g.displayOrder, options(g.id).stream()
                        .map(o -> new ModifierOptionView(o.id, o.name, o.priceDelta, o.displayOrder)).toList()))
                .toList();
    }
}
