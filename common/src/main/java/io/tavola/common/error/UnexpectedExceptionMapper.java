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
 * stack trace or internal message.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class);

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(Exception e) {
        String correlationId = Problems.correlationId(headers);
        LOG.errorf(e, "Unexpected failure [correlation_id=%s] on %s", correlationId,
                uri == null ? "?" : uri.getPath());
        return Problems.response(500, "internal-error", "Internal error",
                "Something went wrong on our side; quote the correlation id when reporting it", null, Map.of(), uri,
                headers, correlationId);
    }
}
