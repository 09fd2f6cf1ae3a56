package io.tavola.restaurant.quote;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tavola.common.error.ApiException;
import io.tavola.restaurant.menu.MenuItem;
import io.tavola.restaurant.menu.ModifierGraph;
import io.tavola.restaurant.menu.ModifierGroup;
import io.tavola.restaurant.menu.ModifierOption;
import io.tavola.restaurant.quote.QuoteDtos.Quote;
import io.tavola.restaurant.quote.QuoteDtos.QuoteLine;
import io.tavola.restaurant.quote.QuoteDtos.QuoteLineRequest;
import io.tavola.restaurant.quote.QuoteDtos.QuoteModifier;
import io.tavola.restaurant.quote.QuoteDtos.QuoteRequest;
import io.tavola.restaurant.quote.QuoteDtos.QuoteRestaurant;
import io.tavola.restaurant.restaurant.Restaurant;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Authoritative prices, availability and modifier-rule checks for the lines of an order. Reads only
 * what the public menu shows; a deactivated restaurant still answers (with is_active false) so the
 * orders service can tell the diner why.
 */
@ApplicationScoped
public class PriceQuotes {

    public Uni<Quote> quote(UUID restaurantId, QuoteRequest request) {
        List<UUID> itemIds = request.lines().stream().map(QuoteLineRequest::menuItemId).distinct().toList();
        return Panache.withSession(() -> Restaurant.<Restaurant>findById(restaurantId)
                .onItem().ifNull().failWith(() -> ApiException.notFound("Restaurant"))
                .chain(r -> MenuItem.<MenuItem>list("id in ?1", itemIds)
                        .chain(items -> ModifierGraph.load(items.stream().map(i -> i.id).toList())
                                .map(graph -> priced(request, r, items, graph)))));
    }

    private static Quote priced(QuoteRequest request, Restaurant r, List<MenuItem> items, ModifierGraph graph) {
        Map<UUID, MenuItem> byId = items.stream().collect(Collectors.toMap(i -> i.id, Function.identity()));
        List<QuoteLine> lines = request.lines().stream()
                .map(line -> line(line, byId.get(line.menuItemId()), graph)).toList();
        return new Quote(new QuoteRestaurant(r.id, r.name, r.currency, r.timeZone, r.active,
                r.orderConfirmationRequired, r.serviceRequestCooldownSeconds), lines);
    }

    static QuoteLine line(QuoteLineRequest request, MenuItem item, ModifierGraph graph) {
        if (item == null) {
            return new QuoteLine(request.menuItemId(), null, null, false, null, List.of(), "unknown menu item");
        }
        List<ModifierGroup> groups = graph.groups(item.id);
        Map<UUID, ModifierGroup> groupById = groups.stream().collect(Collectors.toMap(g -> g.id, Function.identity()));
        Map<UUID, ModifierOption> optionById = new HashMap<>();
        groups.forEach(g -> graph.options(g.id).forEach(o -> optionById.put(o.id, o)));

        List<QuoteModifier> modifiers = new ArrayList<>();
        Map<UUID, Integer> chosenPerGroup = new HashMap<>();
        Set<UUID> seen = new HashSet<>();
        String error = null;
        List<UUID> optionIds = request.modifierOptionIds() == null ? List.of() : request.modifierOptionIds();
        for (UUID optionId : optionIds) {
            ModifierOption option = optionById.get(optionId);
            if (option == null) {
                error = error == null ? "unknown modifier option" : error;
                continue;
            }
            if (!seen.add(optionId)) {
                error = error == null ? "duplicate modifier option" : error;
                continue;
            }
            ModifierGroup group = groupById.get(option.groupId);
            chosenPerGroup.merge(group.id, 1, Integer::sum);
            modifiers.add(new QuoteModifier(group.id, group.name, option.id, option.name, option.priceDelta));
        }
        if (error == null) {
            for (ModifierGroup g : groups) {
                error = ruleError(g, chosenPerGroup.getOrDefault(g.id, 0));
                if (error != null) {
                    break;
                }
            }
        }
        return new QuoteLine(item.id, item.name, item.price, item.available, item.preparationMinutes, modifiers,
                error);
    }

    static String ruleError(ModifierGroup g, int chosen) {
        if (g.minSelect == g.maxSelect && chosen != g.minSelect) {
            return g.name + ": choose exactly " + g.minSelect;
        }
        if (chosen < g.minSelect) {
            return g.name + ": choose at least " + g.minSelect;
        }
        if (chosen > g.maxSelect) {
            return g.name + ": choose at most " + g.maxSelect;
        }
        return null;
    }
}
