package io.tavola.common.error;

/**
 * The text the API refuses anywhere it reads one (JSON strings, path segments, query parameters), so
 * the readers in {@code web} and the error mappers here give the same reason.
 */
public final class RefusedText {

    private RefusedText() {
    }

    /** Why a text is refused, or null: control characters but tab and line breaks, unpaired surrogates. */
    public static String problem(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                return "must not contain control characters";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must be valid Unicode text";
            }
            if (Character.isLowSurrogate(c)) {
                return "must be valid Unicode text";
            }
        }
        return null;
    }
}
