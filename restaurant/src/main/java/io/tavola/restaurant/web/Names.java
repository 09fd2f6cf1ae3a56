package io.tavola.restaurant.web;

/**
 * What a name of the restaurant's world must hold: at least one letter or digit (any script), so "?" or
 * "---" cannot become a restaurant, category, menu item or table that no one can tell apart or read out
 * (issue 17). Used in bean validation: {@code @Pattern(regexp = Names.READABLE, message = Names.MESSAGE)}.
 */
public final class Names {

    private Names() {}

    public static final String READABLE = "(?s).*[\\p{L}\\p{N}].*";

    /** The same, for an optional name where blank means "the default" (a table's label). */
    public static final String READABLE_OR_BLANK = "(?s)\\s*|.*[\\p{L}\\p{N}].*";

    public static final String MESSAGE = "must contain at least one letter or digit";
}
