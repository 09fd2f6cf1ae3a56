package io.tavola.common.menu;

import java.util.UUID;

/**
 * A restaurant's menu version: a random word in Redis that the restaurant service replaces after every
 * committed change of its menu or of the restaurant itself, so whatever was read under the old word is
 * known to be stale (its public menu cache, the orders service's price books). The key outlives every
 * copy stored under it (docs/contracts.md, "Menu version").
 */
public final class MenuVersion {

    /** What an absent key reads as: nothing changed since the key last expired, or ever. */
    public static final String INITIAL = "0";

    private MenuVersion() {}

    public static String key(UUID restaurantId) {
        return "tavola:restaurant:menu-version:" + restaurantId;
    }

    public static String of(String stored) {
        return stored == null ? INITIAL : stored;
    }
}
