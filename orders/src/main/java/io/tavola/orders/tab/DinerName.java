package io.tavola.orders.tab;

import io.tavola.common.error.ApiException;
import java.util.regex.Pattern;

/**
 * The first name a diner gives the table. It is shown to the other diners and on the bill, so it is kept
 * to what reads as a name: trimmed, 1 to 40 characters, at least one letter, and nothing invisible (control
 * or format characters, which could hide or reorder what the others read).
 */
public final class DinerName {

    public static final int MAX_LENGTH = 40;

    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}]");

    private DinerName() {}

    /** The name to store, or null when none is given; a 400 naming {@code field} when it is not a name. */
    public static String of(String given, String field) {
        if (given == null) {
            return null;
        }
        String name = given.strip();
        int length = name.codePointCount(0, name.length());
        if (length < 1 || length > MAX_LENGTH) {
            throw ApiException.invalidField(field, "must be 1 to " + MAX_LENGTH + " characters");
        }
        if (INVISIBLE.matcher(name).find()) {
            throw ApiException.invalidField(field, "must not contain control characters");
        }
        if (!LETTER.matcher(name).find()) {
            throw ApiException.invalidField(field, "must contain a letter");
        }
        return name;
    }
}
