package io.tavola.gateway.routing;

import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * How a failed call to a service is told to the caller: 504 when it was too slow (or no connection to it
 * came free in time), else 503.
 */
public record UpstreamFailure(int status, String slug, String title, String detail) {

    public static UpstreamFailure of(Service service, Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof TimeoutException)
                && !(cause instanceof CircuitBreakerOpenException) && !(cause instanceof ServiceBusy)) {
            cause = cause.getCause();
        }
        if (cause instanceof ServiceBusy busy) {
            return busy.kind() == ServiceBusy.Kind.WAITED_TOO_LONG
                    ? new UpstreamFailure(504, "gateway-timeout", "Gateway timeout",
                            "The " + service.key() + " service is busy: no connection to it came free in time")
                    : new UpstreamFailure(503, "service-unavailable", "Service unavailable",
                            "The " + service.key() + " service is busy: too many calls are waiting for it");
        }
        if (cause instanceof TimeoutException) {
            return new UpstreamFailure(504, "gateway-timeout", "Gateway timeout",
                    "The " + service.key() + " service did not answer in time");
        }
        if (cause instanceof CircuitBreakerOpenException) {
            return new UpstreamFailure(503, "service-unavailable", "Service unavailable",
                    "The " + service.key() + " service is failing; calls are paused briefly");
        }
        return new UpstreamFailure(503, "service-unavailable", "Service unavailable",
                "The " + service.key() + " service is unavailable");
    }
}
