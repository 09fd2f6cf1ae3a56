package io.tavola.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * kubernetes/base/generated/ holds copies of what quarkus-kubernetes generates (ArgoCD reads git, not a
 * build). They must be exactly what the build generates now: a changed quarkus.kubernetes.* key or
 * src/main/kubernetes extra without scripts/manifests fails here. In the reactor this module builds after
 * the services, so their target/kubernetes is current.
 */
class GeneratedManifestsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "auth", "customers", "restaurant", "orders", "gateway" })
    void theCommittedCopyIsWhatTheBuildGenerates(String service) {
        Path generated = Repository.ROOT.resolve(service + "/target/kubernetes/kubernetes.yml");
        Path committed = Repository.KUBERNETES.resolve("base/generated/" + service + ".yml");
        assertTrue(Files.isRegularFile(generated), generated + " is missing: build " + service
                + " first (./mvnw verify builds it before this module; scripts/manifests builds and copies)");
        assertEquals(canonical(generated), canonical(committed),
                committed + " differs from what the build generates: run scripts/manifests and commit the result");
    }

    /**
     * The generator does not keep the order of map keys (labels) or of lists keyed by name (ports, env,
     * envFrom, volumes) from one build to the next; neither order means anything to Kubernetes here.
     * scripts/manifests compares the same way before it copies.
     */
    static List<JsonNode> canonical(Path file) {
        return Manifest.parse(file.toString(), Repository.read(file)).objects().stream().map(o -> sorted(o)).toList();
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = Manifest.YAML.createObjectNode();
            new TreeMap<String, JsonNode>(toMap(node)).forEach((k, v) -> copy.set(k, sorted(v)));
            return copy;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(item -> items.add(sorted(item)));
            if (items.stream().allMatch(JsonNode::isObject)) {
                items.sort(Comparator.comparing(JsonNode::toString));
            }
            ArrayNode copy = Manifest.YAML.createArrayNode();
            items.forEach(copy::add);
            return copy;
        }
        return node;
    }

    private static Map<String, JsonNode> toMap(JsonNode node) {
        Map<String, JsonNode> map = new TreeMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }
}
