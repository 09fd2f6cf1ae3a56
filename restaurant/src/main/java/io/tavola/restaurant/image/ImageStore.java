package io.tavola.restaurant.image;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tavola.common.error.ApiException;
import io.tavola.restaurant.RestaurantConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Checks uploads (type from the bytes, never the file name or the declared content type; size; and that
 * the whole file is well-formed in that type, so a PNG signature in front of HTML is refused: issue 12,
 * fault 7), stores them and reads them back. Callers store and delete inside their own transaction, so a
 * refused upload stores nothing.
 */
@ApplicationScoped
public class ImageStore {

    @Inject
    RestaurantConfig config;

    /** The media type the bytes really are, or a 415/413 problem. */
    public String check(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw ApiException.invalidField("body", "must be a JPEG, PNG or WebP image");
        }
        int maxBytes = config.images().maxBytes();
        if (bytes.length > maxBytes) {
            throw new ApiException(413, "image-too-large", "Image too large",
                    "Images may be at most " + (maxBytes / (1024 * 1024)) + " MB");
        }
        String type = sniff(bytes);
        if (type == null) {
            throw new ApiException(415, "unsupported-image-type", "Unsupported image type",
                    "Only JPEG, PNG and WebP images are accepted (checked from the file's content)");
        }
        if (!ImageFormats.wellFormed(type, bytes)) {
            throw new ApiException(422, "invalid-image", "Invalid image",
                    "The file starts like " + type + " but is not a well-formed " + type + " file");
        }
        return type;
    }

    static String sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return "image/png";
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        return null;
    }

    /** Persists checked bytes as a new image of the restaurant (inside the caller's transaction). */
    public Uni<Image> store(UUID restaurantId, byte[] bytes) {
        Image image = new Image();
        image.id = UUID.randomUUID();
        image.restaurantId = restaurantId;
        image.contentType = check(bytes);
        image.sizeBytes = bytes.length;
        image.sha256 = sha256(bytes);
        image.bytes = bytes;
        image.createdAt = Instant.now();
        return image.persist();
    }

    /** An image of the restaurant in scope (the tenant filter), or null. */
    public Uni<Image> find(UUID imageId) {
        return Panache.withSession(() -> Image.<Image>findById(imageId));
    }

    /** Removes a replaced image (no-op for null); only one of the restaurant in scope (the tenant filter). */
    public Uni<Void> delete(UUID imageId) {
        if (imageId == null) {
            return Uni.createFrom().voidItem();
        }
        return Image.delete("id", imageId).replaceWithVoid();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
