package io.tavola.common.security;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What the deny-list looks at in a verified token: its id, its subject, when it was issued, the login
 * family it belongs to and, for a guest, the table and that table's generation when it was issued.
 */
public record TokenFacts(String tokenId, String subject, long issuedAt, String family, String tableId,
        long tableGeneration) {

    public static TokenFacts of(JsonWebToken jwt) {
        return new TokenFacts(jwt.getTokenID(), jwt.getSubject(), jwt.getIssuedAtTime(),
                text(jwt.getClaim(Caller.FAMILY_CLAIM)), text(jwt.getClaim(Caller.TABLE_CLAIM)),
                number(jwt.getClaim(Caller.TABLE_GENERATION_CLAIM)));
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value instanceof JsonString js ? js.getString() : value.toString();
        return text.isBlank() ? null : text;
    }

    /** A token without a generation is of generation 0: older than any replaced code. */
    private static long number(Object value) {
        if (value instanceof JsonNumber n) {
            return n.longValue();
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value != null) {
            try {
                return Long.parseLong(text(value));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }
}
