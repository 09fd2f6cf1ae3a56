package io.tavola.common.security;

/**
 * One deny-list entry. {@code TOKEN} and {@code FAMILY} end exactly the tokens with that id or login
 * family; {@code USER} ends the subject's tokens issued before {@code value} (epoch seconds);
 * {@code TABLE} ends guest tokens of that table whose generation is below {@code value}.
 */
public record Revocation(Kind kind, String id, long value) {

    public enum Kind {
        TOKEN("jti"), USER("user"), FAMILY("family"), TABLE("table");

        final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        static Kind ofPrefix(String prefix) {
            for (Kind kind : values()) {
                if (kind.prefix.equals(prefix)) {
                    return kind;
                }
            }
            return null;
        }
    }

    /** The key's tail under the deny-list prefix, and the channel message without the value. */
    String key() {
        return key(kind, id);
    }

    static String key(Kind kind, String id) {
        return kind.prefix + ":" + id;
    }

    public boolean refuses(TokenFacts token) {
        return switch (kind) {
            case TOKEN -> id.equals(token.tokenId());
            case FAMILY -> id.equals(token.family());
            case USER -> id.equals(token.subject()) && token.issuedAt() < value;
            case TABLE -> id.equals(token.tableId()) && token.tableGeneration() < value;
        };
    }

    /** {@code kind:id:value}, as sent on the channel. */
    String encode() {
        return key() + ":" + value;
    }

    static Revocation decode(String message) {
        if (message == null) {
            return null;
        }
        String[] parts = message.split(":");
        if (parts.length != 3) {
            return null;
        }
        Kind kind = Kind.ofPrefix(parts[0]);
        try {
            return kind == null ? null : new Revocation(kind, parts[1], Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
