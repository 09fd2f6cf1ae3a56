package io.tavola.common.web;

import io.tavola.common.error.Problem;
import io.tavola.common.error.Problems;
import io.tavola.common.error.RefusedText;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Path segments and query parameters follow the same text rule as JSON bodies ({@link StrictJson}): a
 * NUL or another control character there is refused with a 400 before any resource sees it (PostgreSQL
 * cannot even compare such a value).
 */
public class ParameterText {

    @ServerRequestFilter
    public Response check(UriInfo uri, HttpHeaders headers) {
        for (PathSegment segment : uri.getPathSegments()) {
            String problem = RefusedText.problem(segment.getPath());
            if (problem != null) {
                return refuse("path", problem, uri, headers);
            }
        }
        for (Map.Entry<String, List<String>> parameter : uri.getQueryParameters().entrySet()) {
            String problem = RefusedText.problem(parameter.getKey());
            for (String value : parameter.getValue()) {
                problem = problem != null ? problem : RefusedText.problem(value);
            }
            if (problem != null) {
                return refuse(parameter.getKey(), problem, uri, headers);
            }
        }
        return null;
    }

    private static Response refuse(String field, String problem, UriInfo uri, HttpHeaders headers) {
        String name = RefusedText.problem(field) == null ? field : "query";
        return Problems.response(400, "validation-failed", "Validation failed", name + ": " + problem,
                List.of(new Problem.FieldError(name, problem)), uri, headers);
    }
}
