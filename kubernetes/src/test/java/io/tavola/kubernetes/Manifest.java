package io.tavola.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The objects of one rendering (a multi-document YAML stream), in order. */
record Manifest(String source, List<ObjectNode> objects) {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static Manifest parse(String source, String yaml) {
        List<ObjectNode> objects = new ArrayList<>();
        try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(yaml)) {
            for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext();) {
                JsonNode node = it.next();
                if (node != null && node.isObject()) {
                    objects.add((ObjectNode) node);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable YAML in " + source, e);
        }
        return new Manifest(source, objects);
    }

    List<ObjectNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    Optional<ObjectNode> find(String kind, String namespace, String name) {
        return ofKind(kind).stream()
                .filter(o -> name.equals(name(o)) && namespace.equals(namespace(o)))
                .findFirst();
    }

    static String name(JsonNode o) {
        return o.path("metadata").path("name").asText();
    }

    /** Cluster-scoped objects have none; "default" is what Kubernetes assumes for namespaced ones. */
    static String namespace(JsonNode o) {
        return o.path("metadata").path("namespace").asText("default");
    }

    static String id(JsonNode o) {
        return o.path("kind").asText() + " " + namespace(o) + "/" + name(o);
    }
}
