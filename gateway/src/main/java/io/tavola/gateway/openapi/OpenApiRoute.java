package io.tavola.gateway.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code /q/openapi} of the gateway answers with the whole API (YAML, or JSON with {@code format=json}
 * or an {@code Accept: application/json}), which is also what the gateway's Swagger UI shows.
 */
@ApplicationScoped
public class OpenApiRoute {

    private static final ObjectMapper YAML = new YAMLMapper();

    private final OpenApiAggregator aggregator;
    private final ObjectMapper json;

    OpenApiRoute(OpenApiAggregator aggregator, ObjectMapper json) {
        this.aggregator = aggregator;
        this.json = json;
    }

    void register(@Observes Router router) {
        // registered ahead of the gateway's own (empty) generated document
        router.get("/q/openapi").order(-1).handler(this::serve);
    }

    private void serve(RoutingContext rc) {
        String format = rc.request().getParam("format");
        String accept = rc.request().getHeader("Accept");
        boolean asJson = "json".equalsIgnoreCase(format)
                || format == null && accept != null && accept.contains("application/json");
        aggregator.document().subscribe().with(document -> {
            try {
                rc.response()
                        .putHeader("Content-Type", asJson ? "application/json" : "application/yaml")
                        .end(asJson ? json.writeValueAsString(document) : YAML.writeValueAsString(document));
            } catch (JsonProcessingException e) {
                rc.fail(e);
            }
        }, rc::fail);
    }
}
