package io.tavola.common.menu;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Everything a quote reads of one restaurant, under the menu version it was read at ({@link MenuVersion}):
 * the restaurant's ordering settings and every item (86'd ones too) with its modifier groups. The
 * restaurant service prices its quotes with it; the orders service keeps a copy per restaurant and prices
 * orders locally while the version it was read at is still the current one. Pricing and the modifier rules
 * live here once, so both answer alike.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PriceBook(String version, Quote.Restaurant restaurant, List<Item> items) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(UUID id, String name, BigDecimal price, @JsonProperty("is_available") boolean isAvailable,
            Integer preparationMinutes, List<Group> groups) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Group(UUID id, String name, int minSelect, int maxSelect, List<Option> options) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Option(UUID id, String name, BigDecimal priceDelta) {}

    /** A quote of this book: lines in the order asked, an unknown item or a broken rule named per line. */
    public Quote quote(Quote.Request request) {
        Map<UUID, Item> byId = new HashMap<>();
        items.forEach(item -> byId.put(item.id(), item));
        List<Quote.Line> lines = new ArrayList<>(request.lines().size());
        for (Quote.RequestLine asked : request.lines()) {
            lines.add(line(asked, byId.get(asked.menuItemId())));
        }
        return new Quote(restaurant, lines);
    }

    static Quote.Line line(Quote.RequestLine request, Item item) {
        if (item == null) {
            return new Quote.Line(request.menuItemId(), null, null, false, null, List.of(), "unknown menu item");
        }
        Map<UUID, Group> groupOfOption = new HashMap<>();
        Map<UUID, Option> optionById = new HashMap<>();
        for (Group g : item.groups()) {
            for (Option o : g.options()) {
                groupOfOption.put(o.id(), g);
                optionById.put(o.id(), o);
            }
        }
        List<Quote.Modifier> modifiers = new ArrayList<>();
        Map<UUID, Integer> chosenPerGroup = new HashMap<>();
        Set<UUID> seen = new HashSet<>();
        String error = null;
        List<UUID> optionIds = request.modifierOptionIds() == null ? List.of() : request.modifierOptionIds();
        for (UUID optionId : optionIds) {
            Option option = optionById.get(optionId);
            if (option == null) {
                error = error == null ? "unknown modifier option" : error;
                continue;
            }
            if (!seen.add(optionId)) {
                error = error == null ? "duplicate modifier option" : error;
                continue;
            }
            Group group = groupOfOption.get(optionId);
            chosenPerGroup.merge(group.id(), 1, Integer::sum);
            modifiers.add(new Quote.Modifier(group.id(), group.name(), option.id(), option.name(), option.priceDelta()));
        }
        if (error == null) {
            for (Group g : item.groups()) {
                error = ruleError(g, chosenPerGroup.getOrDefault(g.id(), 0));
                if (error != null) {
                    break;
                }
            }
        }
        return new Quote.Line(item.id(), item.name(), item.price(), item.isAvailable(), item.preparationMinutes(),
                modifiers, error);
    }

    static String ruleError(Group g, int chosen) {
        if (g.minSelect() == g.maxSelect() && chosen != g.minSelect()) {
            return g.name() + ": choose exactly " + g.minSelect();
        }
        if (chosen < g.minSelect()) {
            return g.name() + ": choose at least " + g.minSelect();
        }
        if (chosen > g.maxSelect()) {
            return g.name() + ": choose at most " + g.maxSelect();
        }
        return null;
    }
}
