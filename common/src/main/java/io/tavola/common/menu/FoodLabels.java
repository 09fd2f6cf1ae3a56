package io.tavola.common.menu;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The words a menu and a diner's preferences share: dietary tags, and the 14 allergens EU law requires
 * restaurants to declare (Regulation 1169/2011, Annex II). Ordered as menus show them.
 */
public final class FoodLabels {

    public static final Set<String> DIETARY_TAGS = new LinkedHashSet<>(List.of(
            "vegetarian", "vegan", "gluten_free", "dairy_free", "nut_free", "halal", "kosher", "spicy",
            "organic", "low_carb"));

    public static final Set<String> ALLERGENS = new LinkedHashSet<>(List.of(
            "celery", "cereals_gluten", "crustaceans", "eggs", "fish", "lupin", "milk", "molluscs", "mustard",
            "nuts", "peanuts", "sesame", "soya", "sulphites"));

    private FoodLabels() {}
}
