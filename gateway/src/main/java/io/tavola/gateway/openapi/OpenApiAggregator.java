package io.tavola.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.tavola.gateway.routing.Service;
import io.tavola.gateway.security.PublicRoutes;
import io.tavola.gateway.routing.Upstreams;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One OpenAPI document for the whole API: every service's {@code /q/openapi}, merged. Only the paths
 * the gateway routes to that service are taken; a component whose name another service already uses
 * for something different is renamed {@code <service>_<name>} (and that service's references with it).
 * A service that cannot be reached is left out and named in the description.
 */
@ApplicationScoped
public class OpenApiAggregator {

    private final Upstreams upstreams;
    private final ObjectMapper json;
    private final Duration cacheFor;
    private volatile Cached cached;

    OpenApiAggregator(Upstreams upstreams, ObjectMapper json, OpenApiConfig config) {
        this.upstreams = upstreams;
        this.json = json;
        this.cacheFor = config.cache();
    }

    public Uni<ObjectNode> document() {
        Cached current = cached;
        if (current != null && current.until > System.currentTimeMillis()) {
            return Uni.createFrom().item(current.document);
        }
        List<Uni<Fetched>> fetches = new ArrayList<>();
        for (Service service : Service.values()) {
            fetches.add(fetch(service));
        }
        return Uni.join().all(fetches).andFailFast().map(this::merge).invoke(document -> {
            if (!cacheFor.isZero()) {
                cached = new Cached(document, System.currentTimeMillis() + cacheFor.toMillis());
            }
        });
    }

    private Uni<Fetched> fetch(Service service) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setURI("/q/openapi?format=json")
                .putHeader("Accept", "application/json");
        return upstreams.exchange(service, options)
                .chain(response -> {
                    io.vertx.core.http.HttpClientResponse raw = response.getDelegate();
                    Future<Buffer> body = raw.body();
                    raw.resume();
                    return Uni.createFrom().completionStage(body.toCompletionStage()).map(buffer -> {
                        if (response.statusCode() != 200) {
                            return new Fetched(service, null);
                        }
                        try {
                            return new Fetched(service, json.readTree(buffer.getBytes()));
                        } catch (java.io.IOException e) {
                            return new Fetched(service, null);
                        }
                    });
                })
                .onFailure().recoverWithItem(new Fetched(service, null));
    }

    ObjectNode merge(List<Fetched> documents) {
        ObjectNode merged = json.createObjectNode();
        merged.put("openapi", documents.stream().filter(f -> f.document != null)
                .map(f -> f.document.path("openapi").asText("3.1.0")).findFirst().orElse("3.1.0"));
        ObjectNode info = merged.putObject("info");
        info.put("title", "Tavola API");
        info.put("version", "1.0");
        merged.putArray("servers").addObject().put("url", "/");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = json.createObjectNode();
        ArrayNode tags = json.createArrayNode();
        Set<String> tagNames = new HashSet<>();
        List<String> missing = new ArrayList<>();

        for (Fetched fetched : documents) {
            if (fetched.document == null) {
                missing.add(fetched.service.key());
                continue;
            }
            JsonNode document = fetched.document.deepCopy();
            Map<String, String> renames = renames(fetched.service, document.path("components"), components);
            rewriteRefs(document, renames);
            for (Iterator<Map.Entry<String, JsonNode>> it = document.path("paths").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> path = it.next();
                if (Service.forPath(path.getKey()).orElse(null) == fetched.service) {
                    paths.set(path.getKey(), path.getValue());
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> kinds = document.path("components").fields(); kinds.hasNext();) {
                Map.Entry<String, JsonNode> kind = kinds.next();
                ObjectNode target = components.has(kind.getKey()) ? (ObjectNode) components.get(kind.getKey())
                        : components.putObject(kind.getKey());
                kind.getValue().fields().forEachRemaining(component -> {
                    String renamed = renames.get(ref(kind.getKey(), component.getKey()));
                    target.set(renamed == null ? component.getKey() : renamed.substring(renamed.lastIndexOf('/') + 1),
                            component.getValue());
                });
            }
            for (JsonNode tag : document.path("tags")) {
                if (tagNames.add(tag.path("name").asText())) {
                    tags.add(tag);
                }
            }
        }
        info.put("description", missing.isEmpty() ? "Every Tavola service's API, through the gateway."
                : "Every Tavola service's API, through the gateway. Not reachable just now, so left out: "
                        + String.join(", ", missing) + ".");
        if (!tags.isEmpty()) {
            merged.set("tags", tags);
        }
        merged.set("components", components);
        declareEdgeRules(paths, components);
        return merged;
    }

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    /**
     * What the gateway itself decides for every operation, stated in the document so generated clients know
     * it: which operations need no token ({@link PublicRoutes}: {@code security: []}) and which need a
     * bearer token (the edge check); that any of them may be refused by the rate limit (429) or find a
     * service unavailable (503); and an {@code operationId} on each (the services' own, made unique).
     */
    static void declareEdgeRules(ObjectNode paths, ObjectNode components) {
        ObjectNode schemes = components.has("securitySchemes") ? (ObjectNode) components.get("securitySchemes")
                : components.putObject("securitySchemes");
        if (schemes.isEmpty()) {
            schemes.putObject("SecurityScheme").put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")
                    .put("description", "An access token of the auth service");
        }
        String bearer = schemes.fieldNames().next();
        Set<String> operationIds = new HashSet<>();
        paths.fields().forEachRemaining(path -> {
            // a concrete path for the rules: every {parameter} one segment
            String concrete = path.getKey().replaceAll("\\{[^}/]+}", "x");
            path.getValue().fields().forEachRemaining(entry -> {
                if (!METHODS.contains(entry.getKey()) || !(entry.getValue() instanceof ObjectNode operation)) {
                    return;
                }
                if (PublicRoutes.isPublic(entry.getKey().toUpperCase(java.util.Locale.ROOT), concrete)) {
                    operation.putArray("security");
                } else if (!operation.has("security") || operation.get("security").isEmpty()) {
                    operation.putArray("security").addObject().putArray(bearer);
                }
                ObjectNode responses = operation.has("responses") ? (ObjectNode) operation.get("responses")
                        : operation.putObject("responses");
                if (!responses.has("429")) {
                    responses.putObject("429").put("description",
                            "Too many requests: the gateway's rate limit (Retry-After says when to try again)");
                }
                if (!responses.has("503")) {
                    responses.putObject("503").put("description",
                            "A service or a server it needs is unavailable just now (Retry-After)");
                }
                String id = operation.path("operationId").asText("");
                if (id.isEmpty()) {
                    id = entry.getKey() + concrete.replaceAll("[^A-Za-z0-9]+", "_");
                }
                String unique = id;
                for (int n = 2; !operationIds.add(unique); n++) {
                    unique = id + "_" + n;
                }
                operation.put("operationId", unique);
            });
        });
    }

    /** Components this service names like an earlier, different one: renamed to {@code <service>_<name>}. */
    private static Map<String, String> renames(Service service, JsonNode mine, ObjectNode taken) {
        Map<String, String> renames = new HashMap<>();
        mine.fields().forEachRemaining(kind -> kind.getValue().fields().forEachRemaining(component -> {
            JsonNode existing = taken.path(kind.getKey()).get(component.getKey());
            if (existing != null && !existing.equals(component.getValue())) {
                renames.put(ref(kind.getKey(), component.getKey()),
                        ref(kind.getKey(), service.key() + "_" + component.getKey()));
            }
        }));
        return renames;
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return;
        }
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && renames.containsKey(ref.asText())) {
                object.put("$ref", renames.get(ref.asText()));
            }
            object.elements().forEachRemaining(child -> rewriteRefs(child, renames));
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(child -> rewriteRefs(child, renames));
        }
    }

    private static String ref(String kind, String name) {
        return "#/components/" + kind + "/" + name;
    }

    record Fetched(Service service, JsonNode document) {}

    private record Cached(ObjectNode document, long until) {}
}
