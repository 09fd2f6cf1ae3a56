package io.tavola.common.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

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
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        Response.Status info = Response.Status.fromStatusCode(status);
        String title = info == null ? "Error" : info.getReasonPhrase();
        String slug = title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
        String detail = status == 400 ? "The request could not be read" : title;
        Response built = Problems.response(status, slug, title, detail, null, uri, headers);
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
}
