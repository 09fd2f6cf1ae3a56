package io.tavola.common.error;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Our own failures: logged once with a correlation id the caller also gets, answered without any
 * stack trace or internal message. A backing server that is down or restarting is not our bug but a
 * moment to wait: 503 with Retry-After, logged as a warning without the stack.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class);

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    /** How soon a caller may try again while a backing server is away (it was back within ~3 s in drills). */
    static final String RETRY_AFTER_SECONDS = "5";

    @Override
    public Response toResponse(Exception e) {
        String correlationId = Problems.correlationId(headers);
        if (BackingServers.isUnavailable(e)) {
            LOG.warnf("A backing server is unavailable [correlation_id=%s] on %s: %s", correlationId,
                    uri == null ? "?" : uri.getPath(), rootCause(e));
            return Problems.response(503, "service-unavailable", "Service unavailable",
                    "A server this service needs is unavailable just now; try again shortly", null,
                    Map.of("Retry-After", RETRY_AFTER_SECONDS), uri, headers, correlationId);
        }
        LOG.errorf(e, "Unexpected failure [correlation_id=%s] on %s", correlationId,
                uri == null ? "?" : uri.getPath());
        return Problems.response(500, "internal-error", "Internal error",
                "Something went wrong on our side; quote the correlation id when reporting it", null, Map.of(), uri,
                headers, correlationId);
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 20; depth++) {
            root = root.getCause();
        }
        return root.toString();
    }
}
