package io.tavola.common.error;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds problem+json responses; shared by every exception mapper so all errors look alike. */
public final class Problems {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private Problems() {}

    public static Response response(int status, String slug, String title, String detail,
            List<Problem.FieldError> errors, UriInfo uri, HttpHeaders headers) {
        return response(status, slug, title, detail, errors, Map.of(), uri, headers, null);
    }

    public static Response response(int status, String slug, String title, String detail,
            List<Problem.FieldError> errors, Map<String, String> extraHeaders, UriInfo uri, HttpHeaders headers,
            String correlationId) {
        String instance = uri == null ? null : uri.getPath();
        Problem problem = new Problem(Problem.TYPE_BASE + slug, title, status, detail, instance,
                correlationId, errors == null || errors.isEmpty() ? null : errors);
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
        extraHeaders.forEach(builder::header);
        return builder.build();
    }

    /** The caller's request id when it sent one (the gateway always does), else a fresh one. */
    public static String correlationId(HttpHeaders headers) {
        String fromCaller = headers == null ? null : headers.getHeaderString(REQUEST_ID_HEADER);
        if (fromCaller != null && fromCaller.matches("[A-Za-z0-9._-]{1,64}")) {
            return fromCaller;
        }
        return UUID.randomUUID().toString();
    }
}
