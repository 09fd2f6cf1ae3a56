package io.tavola.common.observability;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Puts the request id (the gateway's {@code X-Request-Id}, or a fresh one for a direct call) and, where the
 * path names it, the restaurant id into the logging context of the request, so every log line of the
 * request carries them (JSON logs: the {@code mdc} object; trace and span ids come from OpenTelemetry).
 * Only ids: never a header's value that could be a credential.
 */
public class RequestLogContext {

    public static final String REQUEST_ID = "X-Request-Id";
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern RESTAURANT = Pattern.compile("^/api/v1/restaurants/([0-9a-fA-F-]{36})(/.*)?$");

    @ServerRequestFilter(preMatching = true)
    public void enter(ContainerRequestContext request) {
        MDC.put("requestId", requestId(request.getHeaderString(REQUEST_ID)));
        Matcher restaurant = RESTAURANT.matcher(request.getUriInfo().getPath());
        if (restaurant.matches()) {
            MDC.put("restaurantId", restaurant.group(1));
        } else {
            MDC.remove("restaurantId");
        }
    }

    /** The caller's id when it is a plain token of at most 64 characters, else a new UUID. */
    public static String requestId(String fromCaller) {
        return fromCaller != null && SAFE_REQUEST_ID.matcher(fromCaller).matches() ? fromCaller
                : UUID.randomUUID().toString();
    }
}
