package io.tavola.customers.profile;

import io.tavola.common.error.ApiException;
import io.tavola.common.menu.FoodLabels;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The vocabularies a diner picks from: the menu's own (common's {@link FoodLabels}). */
public final class Preferences {

    public static final Set<String> DIETARY_TAGS = FoodLabels.DIETARY_TAGS;
    public static final Set<String> ALLERGENS = FoodLabels.ALLERGENS;

    private Preferences() {}

    static String join(String field, List<String> values, Set<String> allowed) {
        if (values == null) {
            return null;
        }
        for (String value : values) {
            if (!allowed.contains(value)) {
                throw ApiException.invalidField(field, "unknown value '" + value + "'; allowed: "
                        + String.join(", ", List.copyOf(allowed)));
            }
        }
        return String.join(",", values.stream().distinct().sorted().toList());
    }

    static List<String> split(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
    }
}
