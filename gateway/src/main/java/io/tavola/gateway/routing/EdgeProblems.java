package io.tavola.gateway.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tavola.common.error.Problem;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Problem+json answers written by the gateway itself (it answers outside JAX-RS, so common's exception
 * mappers do not apply), in exactly their shape.
 */
@ApplicationScoped
public class EdgeProblems {

    private final ObjectMapper json;

    EdgeProblems(ObjectMapper json) {
        this.json = json;
    }

    public void send(RoutingContext rc, int status, String slug, String title, String detail) {
        send(rc, status, slug, title, detail, Map.of());
    }

    public void send(RoutingContext rc, int status, String slug, String title, String detail,
            Map<String, String> headers) {
        HttpServerResponse response = rc.response();
        if (response.headWritten()) {
            // the answer already started streaming; all we can do is cut it short
            response.reset();
            return;
        }
        Problem problem = new Problem(Problem.TYPE_BASE + slug, title, status, detail, rc.normalizedPath(), null, null);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        headers.forEach(response::putHeader);
        response.setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body);
        // the request body was paused for proxying; drain it so the connection stays usable
        rc.request().resume();
    }

    /** A service that failed: a 503 says when to try again (as the services' own 503s do), a 504 does not. */
    public void send(RoutingContext rc, UpstreamFailure failure) {
        send(rc, failure.status(), failure.slug(), failure.title(), failure.detail(),
                failure.status() == 503 ? Map.of("Retry-After", "5") : Map.of());
    }
}
