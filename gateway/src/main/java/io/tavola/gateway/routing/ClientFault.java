package io.tavola.gateway.routing;

/**
 * A call to a service that went wrong through the client's doing, not the service's: a body over the
 * gateway's limit, or a client that went away mid-upload. The circuit breakers skip it, so anonymous
 * callers can never open a breaker and take a service down for everyone (issue 12, fault 4).
 */
public final class ClientFault extends RuntimeException {

    public enum Kind { BODY_TOO_LARGE, ABORTED }

    private final Kind kind;
    private final long limit;

    private ClientFault(Kind kind, long limit, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.limit = limit;
    }

    public static ClientFault bodyTooLarge(long limit) {
        return new ClientFault(Kind.BODY_TOO_LARGE, limit, "request body over " + limit + " bytes");
    }

    public static ClientFault aborted() {
        return new ClientFault(Kind.ABORTED, 0, "the client went away before its request body was sent");
    }

    public Kind kind() {
        return kind;
    }

    /** The limit that was passed (for {@link Kind#BODY_TOO_LARGE}). */
    public long limit() {
        return limit;
    }
}
