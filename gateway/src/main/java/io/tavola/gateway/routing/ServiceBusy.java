package io.tavola.gateway.routing;

/**
 * Every connection the gateway keeps to a service was taken, and the call either found the queue of calls
 * waiting for one full or waited too long (issue 15: it used to wait without bound). It is the gateway's
 * own queue, so the circuit breakers skip it: the calls holding the connections count on their own if
 * the service fails, and a burst of callers alone cannot open a breaker.
 */
public final class ServiceBusy extends RuntimeException {

    public enum Kind { QUEUE_FULL, WAITED_TOO_LONG }

    private final Kind kind;

    private ServiceBusy(Kind kind, Throwable cause) {
        super(cause.getMessage(), cause, false, false);
        this.kind = kind;
    }

    public static ServiceBusy queueFull(Throwable cause) {
        return new ServiceBusy(Kind.QUEUE_FULL, cause);
    }

    public static ServiceBusy waitedTooLong(Throwable cause) {
        return new ServiceBusy(Kind.WAITED_TOO_LONG, cause);
    }

    public Kind kind() {
        return kind;
    }
}
