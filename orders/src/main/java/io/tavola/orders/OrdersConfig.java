package io.tavola.orders;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The orders service's own settings ({@code tavola.orders.*} in application.properties; README, Configuration). */
@ConfigMapping(prefix = "tavola.orders")
public interface OrdersConfig {

    /** Where this service's keys live in the shared Redis (the service requests' cooldowns). */
    String redisPrefix();

    /** How often the {@code orders_in_status} gauges are recounted from the database. */
    @WithDefault("5s")
    Duration statusRefreshInterval();

    IdleTab idleTab();

    PriceBookSettings priceBook();

    /** The copies of restaurants' price books orders are priced from (restaurant.PriceBooks). */
    interface PriceBookSettings {

        /** How long a copy may be used at most; it must stay below twice restaurant's menu cache TTL (1 h). */
        @WithDefault("5m")
        Duration maxAge();

        /** How long the menu version may take to read before the restaurant service's quote answers instead. */
        @WithDefault("250ms")
        Duration versionTimeout();

        /** Copies kept at most; past it they are all dropped and read again as needed. */
        @WithDefault("10000")
        int maxRestaurants();
    }

    /** A finished party's tab closes by itself (session.IdleTabs). */
    interface IdleTab {

        /** How long a tab with nothing left for the kitchen stays open without activity; 0 never closes one. */
        @WithDefault("30m")
        Duration closeAfter();

        @WithDefault("1m")
        Duration sweepInterval();
    }
}
