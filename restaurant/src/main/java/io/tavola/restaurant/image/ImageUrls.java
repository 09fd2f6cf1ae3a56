package io.tavola.restaurant.image;

import java.util.UUID;

/**
 * Where an image is served. An image id never changes its bytes (a new upload is a new id), so the
 * URL is stable and cacheable forever; it is relative so it works through the gateway's origin.
 */
public final class ImageUrls {

    private ImageUrls() {}

    public static String of(UUID restaurantId, UUID imageId) {
        return imageId == null ? null : "/api/v1/restaurants/" + restaurantId + "/images/" + imageId;
    }
}
