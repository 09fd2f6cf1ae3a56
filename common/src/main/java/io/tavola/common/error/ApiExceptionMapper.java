package io.tavola.common.error;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.HashMap;
import java.util.Map;

@Provider
public class ApiExceptionMapper implements ExceptionMapper<ApiException> {

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(ApiException e) {
        Map<String, String> extra = e.headers();
        if (e.status() == 503 && !extra.containsKey("Retry-After")) {
            // every 503 says when to try again
            extra = new HashMap<>(extra);
            extra.put("Retry-After", UnexpectedExceptionMapper.RETRY_AFTER_SECONDS);
        }
        return Problems.response(e.status(), e.slug(), e.title(), e.getMessage(), e.fieldErrors(), extra,
                uri, headers, null);
    }
}
