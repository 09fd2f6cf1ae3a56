package io.tavola.common.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/** Framework-raised HTTP errors (unknown path, wrong method or media type...) as problem+json. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return JsonExceptionMapper.toProblem(json, uri, headers);
        }
        if (e instanceof NotFoundException && e.getCause() != null && !(e.getCause() instanceof WebApplicationException)) {
            String parameter = malformedQueryParameter(e.getCause(), uri);
            if (parameter != null) {
                String message = "has a value of the wrong type";
                return Problems.response(400, "validation-failed", "Validation failed", parameter + ": " + message,
                        List.of(new Problem.FieldError(parameter, message)), uri, headers);
            }
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        Response.Status info = Response.Status.fromStatusCode(status);
        String title = info == null ? "Error" : info.getReasonPhrase();
        String slug = title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
        String detail = status == 400 ? "The request could not be read" : title;
        // a 503 passed on from another service: say when to try again, as every 503 of ours does
        Map<String, String> extra = status == 503 && (e.getResponse() == null
                || e.getResponse().getHeaderString("Retry-After") == null)
                        ? Map.of("Retry-After", UnexpectedExceptionMapper.RETRY_AFTER_SECONDS) : Map.of();
        Response built = Problems.response(status, slug, title, detail, null, extra, uri, headers, null);
        if (e.getResponse() != null) {
            // keep headers the framework set, e.g. Allow on 405
            e.getResponse().getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                    values.forEach(v -> built.getHeaders().add(name, v));
                }
            });
        }
        return built;
    }

    /**
     * JAX-RS answers a query or path parameter it cannot convert with a 404 wrapping the conversion failure
     * ({@code ?size=abc}). For a path segment 404 is right (no such resource); for a query parameter it is
     * the caller's mistake: the query parameter whose value the failure names, or null.
     */
    static String malformedQueryParameter(Throwable conversion, UriInfo uri) {
        String message = conversion.getMessage();
        if (uri == null || message == null) {
            return null;
        }
        List<String> segments = List.of(uri.getPath().split("/"));
        for (Map.Entry<String, List<String>> parameter : uri.getQueryParameters().entrySet()) {
            for (String value : parameter.getValue()) {
                if (value.isEmpty() ? message.contains("\"\"") : message.contains(value) && !segments.contains(value)) {
                    return parameter.getKey();
                }
            }
        }
        return null;
    }
}
