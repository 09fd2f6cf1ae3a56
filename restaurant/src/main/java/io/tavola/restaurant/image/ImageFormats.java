package io.tavola.restaurant.image;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Structure checks of the three accepted formats, from the first byte to the last: a file passes only if
 * it is made of that format's parts and nothing else. A file with an image signature in front of HTML or
 * script (which a browser ignoring the content type might render) fails; what a well-formed image may
 * carry inside (metadata) is served as that image type with {@code nosniff} and a sandboxing policy, so
 * it is never run. Walks the bytes without decoding pixels (cheap enough for the event loop).
 */
final class ImageFormats {

    private ImageFormats() {}

    static boolean wellFormed(String type, byte[] b) {
        return switch (type) {
            case "image/png" -> png(b);
            case "image/jpeg" -> jpeg(b);
            case "image/webp" -> webp(b);
            default -> false;
        };
    }

    /** Signature, IHDR first, chunks with valid names and CRCs, IEND last and at the very end. */
    static boolean png(byte[] b) {
        int at = 8;
        boolean first = true;
        while (at + 12 <= b.length) {
            long length = uint32(b, at);
            if (length > b.length - at - 12L) {
                return false;
            }
            String name = new String(b, at + 4, 4, StandardCharsets.ISO_8859_1);
            if (!name.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
                    || first && !name.equals("IHDR")) {
                return false;
            }
            CRC32 crc = new CRC32();
            crc.update(b, at + 4, 4 + (int) length);
            int end = at + 8 + (int) length;
            if (crc.getValue() != uint32(b, end)) {
                return false;
            }
            at = end + 4;
            first = false;
            if (name.equals("IEND")) {
                return at == b.length;
            }
        }
        return false;
    }

    /**
     * SOI, then marker segments with their lengths; after each start of scan, entropy-coded data (where
     * 0xFF is only followed by a stuffed 0x00, a restart marker or the next marker); EOI as the last two bytes.
     */
    static boolean jpeg(byte[] b) {
        int at = 2;
        boolean scanned = false;
        while (at + 2 <= b.length) {
            if ((b[at] & 0xFF) != 0xFF) {
                return false;
            }
            int marker = b[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++; // fill byte
                continue;
            }
            if (marker == 0xD9) {
                return scanned && at + 2 == b.length;
            }
            if (at + 4 > b.length || marker == 0xD8 || marker == 0x00 || marker >= 0xD0 && marker <= 0xD7) {
                return false;
            }
            int length = ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
            if (length < 2 || at + 2 + length > b.length) {
                return false;
            }
            at += 2 + length;
            if (marker == 0xDA) {
                scanned = true;
                at = endOfScan(b, at);
            }
        }
        return false;
    }

    /** Where the entropy-coded data starting at {@code at} ends: at the next real marker. */
    private static int endOfScan(byte[] b, int at) {
        while (at + 1 < b.length) {
            if ((b[at] & 0xFF) == 0xFF) {
                int next = b[at + 1] & 0xFF;
                if (next != 0x00 && (next < 0xD0 || next > 0xD7)) {
                    return at;
                }
                at += 2;
            } else {
                at++;
            }
        }
        return b.length;
    }

    /** RIFF size matching the file, WEBP, chunks filling it exactly, the first a VP8, VP8L or VP8X frame. */
    static boolean webp(byte[] b) {
        if (b.length < 20 || uint32le(b, 4) != b.length - 8L) {
            return false;
        }
        int at = 12;
        boolean first = true;
        while (at + 8 <= b.length) {
            String name = new String(b, at, 4, StandardCharsets.ISO_8859_1);
            long size = uint32le(b, at + 4);
            long next = at + 8 + size + (size & 1);
            if (next > b.length || !name.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
                return false;
            }
            if (first) {
                int data = at + 8;
                boolean frame = switch (name) {
                    // a lossy key frame's start code, a lossless stream's signature byte
                    case "VP8 " -> size >= 10 && (b[data + 3] & 0xFF) == 0x9D && (b[data + 4] & 0xFF) == 0x01
                            && (b[data + 5] & 0xFF) == 0x2A;
                    case "VP8L" -> size >= 5 && (b[data] & 0xFF) == 0x2F;
                    case "VP8X" -> size == 10;
                    default -> false;
                };
                if (!frame) {
                    return false;
                }
                first = false;
            }
            at = (int) next;
        }
        return !first && at == b.length;
    }

    private static long uint32(byte[] b, int at) {
        return ((b[at] & 0xFFL) << 24) | ((b[at + 1] & 0xFFL) << 16) | ((b[at + 2] & 0xFFL) << 8) | (b[at + 3] & 0xFFL);
    }

    private static long uint32le(byte[] b, int at) {
        return (b[at] & 0xFFL) | ((b[at + 1] & 0xFFL) << 8) | ((b[at + 2] & 0xFFL) << 16) | ((b[at + 3] & 0xFFL) << 24);
    }
}
