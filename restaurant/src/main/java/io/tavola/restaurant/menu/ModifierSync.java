package io.tavola.restaurant.menu;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import io.tavola.common.error.ApiException;
import io.tavola.restaurant.menu.MenuItemDtos.ModifierGroupRequest;
import io.tavola.restaurant.menu.MenuItemDtos.ModifierOptionRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Brings an item's modifier groups and options to what a request says: existing ones named by id are
 * updated in place (their ids stay valid for orders in flight), entries without an id are created, the
 * rest removed. An id that is not this item's (or its group's) is a 400 naming the entry.
 */
final class ModifierSync {

    private final MenuItem item;
    private final List<ModifierGroup> existingGroups;
    private final List<ModifierOption> existingOptions;
    private final Map<UUID, ModifierGroup> groupsById;
    private final Map<UUID, ModifierOption> optionsById;
    private final Set<UUID> keptGroups = new HashSet<>();
    private final Set<UUID> keptOptions = new HashSet<>();
    private final List<PanacheEntityBase> toPersist = new ArrayList<>();

    private ModifierSync(MenuItem item, List<ModifierGroup> existingGroups, List<ModifierOption> existingOptions) {
        this.item = item;
        this.existingGroups = existingGroups;
        this.existingOptions = existingOptions;
        this.groupsById = existingGroups.stream().collect(Collectors.toMap(g -> g.id, Function.identity()));
        this.optionsById = existingOptions.stream().collect(Collectors.toMap(o -> o.id, Function.identity()));
    }

    /** Inside the item's transaction; {@code requested} null means no groups. */
    static Uni<Void> sync(MenuItem item, List<ModifierGroupRequest> requested, List<ModifierGroup> existingGroups,
            List<ModifierOption> existingOptions) {
        ModifierSync sync = new ModifierSync(item, existingGroups, existingOptions);
        List<ModifierGroupRequest> wanted = requested == null ? List.of() : requested;
        for (int gi = 0; gi < wanted.size(); gi++) {
            ModifierGroupRequest gr = wanted.get(gi);
            ModifierGroup group = sync.group(gi, gr);
            for (int oi = 0; oi < gr.options().size(); oi++) {
                sync.option(gi, oi, gr.options().get(oi), group);
            }
        }
        return sync.write();
    }

    private ModifierGroup group(int gi, ModifierGroupRequest gr) {
        ModifierGroup group;
        if (gr.id() != null) {
            group = groupsById.get(gr.id());
            if (group == null || !keptGroups.add(group.id)) {
                throw ApiException.invalidField("modifier_groups[" + gi + "].id",
                        "is not a modifier group of this item");
            }
        } else {
            group = new ModifierGroup();
            group.id = UUID.randomUUID();
            group.restaurantId = item.restaurantId;
            group.menuItemId = item.id;
            toPersist.add(group);
        }
        group.name = gr.name().strip();
        group.minSelect = gr.minSelect();
        group.maxSelect = gr.maxSelect();
        group.displayOrder = gr.displayOrder() == null ? gi : gr.displayOrder();
        return group;
    }

    private void option(int gi, int oi, ModifierOptionRequest or, ModifierGroup group) {
        ModifierOption option;
        if (or.id() != null) {
            option = optionsById.get(or.id());
            if (option == null || !option.groupId.equals(group.id) || !keptOptions.add(option.id)) {
                throw ApiException.invalidField("modifier_groups[" + gi + "].options[" + oi + "].id",
                        "is not an option of this modifier group");
            }
        } else {
            option = new ModifierOption();
            option.id = UUID.randomUUID();
            option.restaurantId = item.restaurantId;
            option.groupId = group.id;
            toPersist.add(option);
        }
        option.name = or.name().strip();
        option.priceDelta = or.priceDelta().setScale(2);
        option.displayOrder = or.displayOrder() == null ? oi : or.displayOrder();
    }

    /** Removes what was not kept, then inserts the new groups and options. */
    private Uni<Void> write() {
        List<UUID> dropOptions = existingOptions.stream().map(o -> o.id).filter(id -> !keptOptions.contains(id))
                .toList();
        List<UUID> dropGroups = existingGroups.stream().map(g -> g.id).filter(id -> !keptGroups.contains(id))
                .toList();
        Uni<Void> chain = Uni.createFrom().voidItem();
        if (!dropOptions.isEmpty()) {
            chain = chain.chain(() -> ModifierOption.delete("id in ?1", dropOptions)).replaceWithVoid();
        }
        if (!dropGroups.isEmpty()) {
            chain = chain.chain(() -> ModifierGroup.delete("id in ?1", dropGroups)).replaceWithVoid();
        }
        // groups before their options: the flush orders inserts as persisted
        for (var entity : toPersist) {
            chain = chain.chain(() -> entity.persist()).replaceWithVoid();
        }
        return chain.call(() -> Panache.flush());
    }
}
