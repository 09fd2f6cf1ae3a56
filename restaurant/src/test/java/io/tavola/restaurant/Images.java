package io.tavola.restaurant;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Real image bytes for upload tests. */
public final class Images {

    private Images() {}

    public static byte[] png() {
        return encode("png");
    }

    public static byte[] jpeg() {
        return encode("jpg");
    }

    /** The smallest valid WebP container header; the service checks the type from these bytes. */
    public static byte[] webp() {
        byte[] b = new byte[64];
        System.arraycopy("RIFF".getBytes(), 0, b, 0, 4);
        b[4] = 56;
        System.arraycopy("WEBPVP8 ".getBytes(), 0, b, 8, 8);
        return b;
    }

    private static byte[] encode(String format) {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xFF0000);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
