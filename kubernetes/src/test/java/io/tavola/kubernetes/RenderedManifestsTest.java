package io.tavola.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a user applies: the base and every overlay render, and every rendered object keeps every rule. */
class RenderedManifestsTest {

    private static final List<String> SERVICES = List.of("gateway", "auth", "customers", "restaurant", "orders");

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "base, false", "overlays/kind, true", "overlays/production, true", "argocd, false" })
    void everyObjectIsValidAndWired(String kustomization, boolean mesh) {
        Manifest manifest = Repository.render(Repository.KUBERNETES.resolve(kustomization));
        assertFalse(manifest.objects().isEmpty(), kustomization + " renders nothing");
        List<String> violations = ManifestRules.check(manifest, mesh);
        assertEquals(List.of(), violations, kustomization + " breaks rules");
    }

    /** The stop-hook's and a user's view: every kustomization except components renders on its own. */
    @Test
    void everyKustomizationRenders() throws IOException {
        try (Stream<Path> files = Files.walk(Repository.KUBERNETES)) {
            List<Path> dirs = files.filter(p -> p.getFileName().toString().equals("kustomization.yaml"))
                    .map(Path::getParent)
                    .filter(d -> !Repository.KUBERNETES.relativize(d).startsWith("components"))
                    .filter(d -> !Repository.KUBERNETES.relativize(d).startsWith("target"))
                    .toList();
            assertTrue(dirs.size() >= 4, "found only " + dirs);
            for (Path dir : dirs) {
                assertFalse(Repository.render(dir).objects().isEmpty(), dir + " renders nothing");
            }
        }
    }

    @Test
    void theKindOverlayRunsTheWholeSystemInTheMesh() {
        Manifest kind = Repository.render(Repository.KUBERNETES.resolve("overlays/kind"));
        for (String service : SERVICES) {
            JsonNode deployment = kind.find("Deployment", ManifestRules.APP_NAMESPACE, service).orElseThrow();
            assertEquals(service, deployment.at("/spec/template/spec/serviceAccountName").asText());
            assertTrue(kind.find("ServiceAccount", ManifestRules.APP_NAMESPACE, service).isPresent(), service);
            assertTrue(kind.find("DestinationRule", ManifestRules.APP_NAMESPACE, service).isPresent(), service);
            // probes on the management interface, which Prometheus scrapes
            String management = deployment.at("/spec/template/metadata/annotations/prometheus.io~1port").asText();
            assertEquals(management, deployment.at("/spec/template/spec/containers/0/readinessProbe/httpGet/port").asText());
            assertEquals("/q/health/ready", deployment.at("/spec/template/spec/containers/0/readinessProbe/httpGet/path").asText());
        }
        for (String store : List.of("postgres", "rabbitmq")) {
            assertTrue(kind.find("StatefulSet", ManifestRules.APP_NAMESPACE, store).isPresent(), store);
        }
        assertTrue(kind.find("Deployment", ManifestRules.APP_NAMESPACE, "redis").isPresent());
        assertTrue(kind.find("Deployment", "monitoring", "prometheus").isPresent());
        assertTrue(kind.ofKind("Ingress").isEmpty(), "with the mesh the Istio ingress gateway is the only front door");
        assertEquals("enabled", kind.find("Namespace", "default", ManifestRules.APP_NAMESPACE).orElseThrow()
                .at("/metadata/labels/istio-injection").asText());
        for (String scaled : List.of("gateway", "orders")) {
            assertTrue(kind.find("HorizontalPodAutoscaler", ManifestRules.APP_NAMESPACE, scaled).isPresent(), scaled);
            assertTrue(kind.find("PodDisruptionBudget", ManifestRules.APP_NAMESPACE, scaled).isPresent(), scaled);
        }
    }

    @Test
    void theKindClusterHasAControlPlaneTwoWorkersAndTheIngressPorts() throws IOException {
        JsonNode cluster = Manifest.YAML.readTree(Repository.KUBERNETES.resolve("kind/cluster.yaml").toFile());
        assertEquals("kind.x-k8s.io/v1alpha4", cluster.path("apiVersion").asText());
        List<String> roles = Schema.at(cluster, "/nodes/*/role").stream().map(JsonNode::asText).toList();
        assertEquals(List.of("control-plane", "worker", "worker"), roles);
        List<String> mappings = Schema.at(cluster, "/nodes/0/extraPortMappings/*").stream()
                .map(m -> m.path("containerPort").asText() + "->" + m.path("hostPort").asText()).toList();
        assertEquals(List.of("30080->80", "30443->443"), mappings);
        // scripts/kind-up installs the Istio ingress gateway on exactly those node ports
        JsonNode istio = Manifest.YAML.readTree(Repository.KUBERNETES.resolve("kind/istio.yaml").toFile());
        List<String> nodePorts = Schema.at(istio, "/spec/components/ingressGateways/0/k8s/service/ports/*/nodePort").stream()
                .map(JsonNode::asText).toList();
        assertEquals(List.of("30080", "30443"), nodePorts, "kind/istio.yaml and kind/cluster.yaml disagree");
        assertTrue(Repository.read(Repository.ROOT.resolve("scripts/kind-up")).contains("kubernetes/kind/istio.yaml"));
    }
}
