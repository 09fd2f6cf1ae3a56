package io.tavola.restaurant.menu;

import io.tavola.common.error.ApiException;
import io.tavola.common.menu.FoodLabels;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The fixed words a menu item may carry, so diners can filter reliably: dietary tags, and allergens as
 * exactly the 14 that EU Regulation 1169/2011 (Annex II) requires restaurants to declare.
 */
public final class MenuVocabulary {

    public static final Set<String> DIETARY_TAGS = FoodLabels.DIETARY_TAGS;

    public static final Set<String> ALLERGENS = FoodLabels.ALLERGENS;

    private MenuVocabulary() {}

    /** The given words, de-duplicated in vocabulary order; 400 naming the first unknown one. */
    public static List<String> check(String field, List<String> given, Set<String> vocabulary) {
        if (given == null) {
            return List.of();
        }
        for (int i = 0; i < given.size(); i++) {
            String word = given.get(i);
            if (word == null || !vocabulary.contains(word)) {
                throw ApiException.invalidField(field + "[" + i + "]",
                        "must be one of " + String.join(", ", vocabulary));
            }
        }
        List<String> ordered = new ArrayList<>();
        for (String word : vocabulary) {
            if (given.contains(word)) {
                ordered.add(word);
            }
        }
        return ordered;
    }

    /** Stored as one comma-separated column; the words never contain commas. */
    public static String join(List<String> words) {
        return String.join(",", words);
    }

    public static List<String> split(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : List.of(stored.split(","));
    }
}
