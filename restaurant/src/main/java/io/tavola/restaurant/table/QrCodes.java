package io.tavola.restaurant.table;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.tavola.restaurant.RestaurantConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;

/** QR tokens and the codes that carry the diner URL {@code <public base URL>/t/<token>}. */
@ApplicationScoped
public class QrCodes {

    static {
        // no display on a server: Java2D draws the label into memory only
        System.setProperty("java.awt.headless", "true");
    }

    // per instance, made at run time: a SecureRandom created in a static initialiser would be seeded
    // once at native-image build time and shared by every executable built from it
    private final SecureRandom random = new SecureRandom();
    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.MARGIN, 4,
            EncodeHintType.CHARACTER_SET, "UTF-8");

    @Inject
    RestaurantConfig config;

    /** 192 random bits, URL-safe: unguessable, and short enough for a small QR code. */
    public String newToken() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Tokens we could have issued; anything else is answered 404 without a database look-up. */
    public static boolean plausibleToken(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{16,64}");
    }

    public String dinerUrl(String token) {
        String publicBaseUrl = config.publicBaseUrl();
        String base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
        return base + "/t/" + token;
    }

    /**
     * The code as a PNG of {@code size} pixels wide with the table's label printed under it, so a
     * downloaded code still says which table it belongs to once printed (issue 17). Encoding and drawing
     * take milliseconds of CPU (more at 2048 px), so callers run it on a worker thread ({@link #pngOffLoop}).
     */
    public byte[] png(String token, int size, String label) {
        BufferedImage code = MatrixToImageWriter.toBufferedImage(matrix(token, size));
        String text = label == null ? "" : label.strip();
        int fontSize = Math.max(14, code.getWidth() / 14);
        int band = text.isEmpty() ? 0 : fontSize * 2;
        BufferedImage image = new BufferedImage(code.getWidth(), code.getHeight() + band, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(code, 0, 0, null);
            if (!text.isEmpty()) {
                g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setColor(Color.BLACK);
                Font font = new Font(Font.SANS_SERIF, Font.BOLD, fontSize);
                FontMetrics metrics = g.getFontMetrics(font);
                // a long label shrinks to fit the code's width, down to a legible 8 px, then is cut short
                int room = image.getWidth() - fontSize;
                if (metrics.stringWidth(text) > room) {
                    font = font.deriveFont((float) Math.max(8, fontSize * room / (double) metrics.stringWidth(text)));
                    metrics = g.getFontMetrics(font);
                }
                while (metrics.stringWidth(text) > room && text.length() > 1) {
                    text = text.substring(0, text.length() - 2).strip() + "…";
                }
                g.setFont(font);
                int x = (image.getWidth() - metrics.stringWidth(text)) / 2;
                // the code's own quiet zone sits above: the text's baseline goes in the band's middle
                int y = code.getHeight() + (band - metrics.getHeight()) / 2 + metrics.getAscent() - fontSize / 4;
                g.drawString(text, Math.max(0, x), y);
            }
        } finally {
            g.dispose();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "PNG", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #png} on a worker thread: the event loop stays free while the image is drawn and compressed. */
    public Uni<byte[]> pngOffLoop(String token, int size, String label) {
        return Uni.createFrom().item(() -> png(token, size, label))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** A scalable SVG with one unit per module, crisp at any print size. */
    public String svg(String token) {
        BitMatrix m = matrix(token, 0);
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + m.getWidth() + " " + m.getHeight()
                + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR code\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    private BitMatrix matrix(String token, int size) {
        try {
            return new QRCodeWriter().encode(dinerUrl(token), BarcodeFormat.QR_CODE, size, size, HINTS);
        } catch (WriterException e) {
            throw new IllegalStateException("QR encoding failed", e);
        }
    }
}
