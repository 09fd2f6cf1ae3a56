package io.tavola.restaurant;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** The restaurant service's own settings ({@code tavola.restaurant.*}, application.properties; README). */
@ConfigMapping(prefix = "tavola.restaurant")
public interface RestaurantConfig {

    /** The origin diners open (PUBLIC_BASE_URL): a table's QR code carries {@code <this>/t/<qr token>}. */
    String publicBaseUrl();

    MenuCache menuCache();

    Images images();

    /** The public menu in Redis. */
    interface MenuCache {

        /** Bounds how long an orphaned entry lives; a change replaces the menu at once. */
        Duration ttl();
    }

    /** Uploaded pictures and logos. */
    interface Images {

        /** Larger uploads are a 413 problem (the HTTP body limit sits above it). */
        int maxBytes();
    }
}
