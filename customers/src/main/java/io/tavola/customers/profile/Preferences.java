package io.tavola.customers.profile;

import io.tavola.common.error.ApiException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The vocabularies a diner picks from: the menu's dietary tags and the EU's 14 allergens. */
public final class Preferences {

    public static final Set<String> DIETARY_TAGS = Set.of("vegetarian", "vegan", "gluten_free", "dairy_free",
            "halal", "kosher", "spicy", "nut_free", "low_carb");
    public static final Set<String> ALLERGENS = Set.of("celery", "cereals_gluten", "crustaceans", "eggs", "fish",
            "lupin", "milk", "molluscs", "mustard", "nuts", "peanuts", "sesame", "soya", "sulphites");

    private Preferences() {}

    static String join(String field, List<String> values, Set<String> allowed) {
        if (values == null) {
            return null;
        }
        for (String value : values) {
            if (!allowed.contains(value)) {
                throw ApiException.invalidField(field, "unknown value '" + value + "'; allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
        return String.join(",", values.stream().distinct().sorted().toList());
    }

    static List<String> split(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
    }
}
