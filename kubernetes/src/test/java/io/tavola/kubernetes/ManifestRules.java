package io.tavola.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules a rendering of Tavola's manifests must keep. Each violation names its rule in brackets
 * ({@code [selectors] ...}) so a test can tell which rule caught a broken manifest.
 */
final class ManifestRules {

    /** Identities the mesh has without this repository declaring them: istioctl installs the ingress gateway. */
    static final Set<String> PLATFORM_IDENTITIES = Set.of("cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account");
    static final String APP_NAMESPACE = "restaurant-system";

    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet");
    private static final Pattern PRINCIPAL = Pattern.compile("cluster\\.local/ns/([^/]+)/sa/([^/]+)");

    private final Manifest manifest;
    private final List<String> violations = new ArrayList<>();

    private ManifestRules(Manifest manifest) {
        this.manifest = manifest;
    }

    /** Every rule; with {@code mesh}, also those of the Istio component (STRICT mTLS, deny by default). */
    static List<String> check(Manifest manifest, boolean mesh) {
        ManifestRules rules = new ManifestRules(manifest);
        rules.schema();
        rules.selectors();
        rules.configReferences();
        rules.hardenedWorkloads();
        rules.meshRouting();
        rules.principals();
        rules.secrets();
        rules.managementStaysInside();
        if (mesh) {
            rules.strictMeshDeniedByDefault();
        }
        return List.copyOf(rules.violations);
    }

    private void fail(String rule, JsonNode object, String what) {
        violations.add("[" + rule + "] " + Manifest.id(object) + ": " + what);
    }

    private void schema() {
        for (ObjectNode object : manifest.objects()) {
            Schema.check(object).forEach(problem -> violations.add("[schema] " + problem));
        }
    }

    private List<ObjectNode> allWorkloads() {
        return manifest.objects().stream().filter(o -> WORKLOADS.contains(o.path("kind").asText())).toList();
    }

    private List<ObjectNode> workloadsIn(String namespace) {
        return allWorkloads().stream().filter(w -> Manifest.namespace(w).equals(namespace)).toList();
    }

    private static boolean labelsMatch(JsonNode selector, JsonNode labels) {
        if (selector.isMissingNode() || selector.isEmpty()) {
            return false;
        }
        for (var it = selector.fields(); it.hasNext();) {
            var entry = it.next();
            if (!entry.getValue().asText().equals(labels.path(entry.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode podLabels(JsonNode workload) {
        return workload.at("/spec/template/metadata/labels");
    }

    /** Every Service selects the pods of a workload, on a port their containers open. */
    private void selectors() {
        for (ObjectNode service : manifest.ofKind("Service")) {
            JsonNode selector = service.at("/spec/selector");
            List<ObjectNode> selected = workloadsIn(Manifest.namespace(service)).stream()
                    .filter(w -> labelsMatch(selector, podLabels(w))).toList();
            if (selected.isEmpty()) {
                fail("selectors", service, "its selector " + selector + " matches no pod template");
                continue;
            }
            for (JsonNode port : service.at("/spec/ports")) {
                JsonNode target = port.has("targetPort") ? port.get("targetPort") : port.get("port");
                boolean opened = selected.stream().anyMatch(w -> containers(w).stream().anyMatch(c -> {
                    for (JsonNode p : c.path("ports")) {
                        if (target.isInt() ? p.path("containerPort").asInt() == target.asInt()
                                : target.asText().equals(p.path("name").asText())) {
                            return true;
                        }
                    }
                    return false;
                }));
                if (!opened) {
                    fail("selectors", service, "port " + port.path("name").asText() + " targets " + target
                            + ", which no selected container opens");
                }
            }
        }
    }

    private static List<JsonNode> containers(JsonNode workload) {
        List<JsonNode> all = new ArrayList<>();
        workload.at("/spec/template/spec/containers").forEach(all::add);
        workload.at("/spec/template/spec/initContainers").forEach(all::add);
        return all;
    }

    private boolean exists(String kind, String namespace, String name) {
        return manifest.find(kind, namespace, name).isPresent();
    }

    private boolean hasKey(String kind, String namespace, String name, String key) {
        return manifest.find(kind, namespace, name)
                .map(o -> o.path("data").has(key) || o.path("stringData").has(key) || o.path("binaryData").has(key))
                .orElse(false);
    }

    /** Every ConfigMap and Secret a pod reads (envFrom, env, volumes) exists, with the keys it names. */
    private void configReferences() {
        for (ObjectNode workload : allWorkloads()) {
            String ns = Manifest.namespace(workload);
            for (JsonNode container : containers(workload)) {
                for (JsonNode source : container.path("envFrom")) {
                    reference(workload, source.path("configMapRef"), "ConfigMap", ns, null);
                    reference(workload, source.path("secretRef"), "Secret", ns, null);
                }
                for (JsonNode env : container.path("env")) {
                    JsonNode from = env.path("valueFrom");
                    reference(workload, from.path("configMapKeyRef"), "ConfigMap", ns, from.path("configMapKeyRef").path("key").asText(null));
                    reference(workload, from.path("secretKeyRef"), "Secret", ns, from.path("secretKeyRef").path("key").asText(null));
                }
            }
            for (JsonNode volume : workload.at("/spec/template/spec/volumes")) {
                reference(workload, volume.path("configMap"), "ConfigMap", ns, null);
                JsonNode secret = volume.path("secret");
                if (!secret.isMissingNode()) {
                    String name = secret.path("secretName").asText();
                    if (!secret.path("optional").asBoolean(false) && !exists("Secret", ns, name)) {
                        fail("references", workload, "volume " + volume.path("name").asText() + " mounts Secret " + name
                                + ", which does not exist");
                    }
                }
            }
        }
    }

    private void reference(JsonNode workload, JsonNode ref, String kind, String ns, String key) {
        if (ref.isMissingNode() || ref.path("optional").asBoolean(false)) {
            return;
        }
        String name = ref.path("name").asText();
        if (!exists(kind, ns, name)) {
            fail("references", workload, "reads " + kind + " " + name + ", which does not exist");
        } else if (key != null && !hasKey(kind, ns, name, key)) {
            fail("references", workload, "reads key " + key + " of " + kind + " " + name + ", which has no such key");
        }
    }

    /** Probes, requests and limits, the hardened security context and the mesh's sidecar on every pod. */
    private void hardenedWorkloads() {
        for (ObjectNode workload : allWorkloads()) {
            JsonNode pod = workload.at("/spec/template/spec");
            JsonNode podSecurity = pod.path("securityContext");
            if (!"true".equals(podLabels(workload).path("sidecar.istio.io/inject").asText())) {
                fail("workloads", workload, "its pods lack the label sidecar.istio.io/inject=\"true\"");
            }
            if (!"RuntimeDefault".equals(podSecurity.at("/seccompProfile/type").asText())) {
                fail("workloads", workload, "the pod's securityContext.seccompProfile.type is not RuntimeDefault");
            }
            for (JsonNode container : pod.path("containers")) {
                String c = "container " + container.path("name").asText() + " ";
                for (String probe : List.of("livenessProbe", "readinessProbe")) {
                    if (!container.has(probe)) {
                        fail("workloads", workload, c + "has no " + probe);
                    }
                }
                for (String resource : List.of("/resources/requests/cpu", "/resources/requests/memory", "/resources/limits/memory")) {
                    if (container.at(resource).isMissingNode()) {
                        fail("workloads", workload, c + "has no " + resource.substring(1).replace('/', '.'));
                    }
                }
                JsonNode security = container.path("securityContext");
                if (!(security.path("runAsNonRoot").asBoolean(false) || podSecurity.path("runAsNonRoot").asBoolean(false))) {
                    fail("workloads", workload, c + "may run as root (runAsNonRoot is not true)");
                }
                if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
                    fail("workloads", workload, c + "has a writable root filesystem");
                }
                if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
                    fail("workloads", workload, c + "allows privilege escalation");
                }
                boolean dropsAll = false;
                for (JsonNode cap : security.at("/capabilities/drop")) {
                    dropsAll |= cap.asText().equals("ALL");
                }
                if (!dropsAll || security.at("/capabilities/add").size() > 0) {
                    fail("workloads", workload, c + "keeps capabilities (drop ALL, add none)");
                }
            }
        }
    }

    /** The Service a mesh host names: "orders", "orders.ns" or "orders.ns.svc.cluster.local". */
    private Optional<ObjectNode> serviceOf(String host, String fromNamespace) {
        String[] parts = host.split("\\.");
        String ns = parts.length > 1 ? parts[1] : fromNamespace;
        if (parts.length > 2 && !host.endsWith(".svc.cluster.local")) {
            return Optional.empty();
        }
        return manifest.find("Service", ns, parts[0]);
    }

    /** Every VirtualService destination is a real Service; every subset it names exists in that host's DestinationRule. */
    private void meshRouting() {
        for (ObjectNode rule : manifest.ofKind("DestinationRule")) {
            if (serviceOf(rule.at("/spec/host").asText(), Manifest.namespace(rule)).isEmpty()) {
                fail("mesh-routing", rule, "its host " + rule.at("/spec/host").asText() + " is not a Service");
            }
        }
        for (ObjectNode vs : manifest.ofKind("VirtualService")) {
            String ns = Manifest.namespace(vs);
            for (JsonNode gateway : vs.at("/spec/gateways")) {
                if (!gateway.asText().equals("mesh") && !exists("Gateway", ns, gateway.asText())) {
                    fail("mesh-routing", vs, "binds to Gateway " + gateway.asText() + ", which does not exist");
                }
            }
            for (JsonNode destination : Schema.at(vs, "/spec/http/*/route/*/destination")) {
                String host = destination.path("host").asText();
                Optional<ObjectNode> service = serviceOf(host, ns);
                if (service.isEmpty()) {
                    fail("mesh-routing", vs, "routes to " + host + ", which is not a Service");
                    continue;
                }
                if (destination.has("subset")) {
                    String subset = destination.path("subset").asText();
                    boolean defined = manifest.ofKind("DestinationRule").stream()
                            .filter(dr -> serviceOf(dr.at("/spec/host").asText(), Manifest.namespace(dr)).equals(service))
                            .anyMatch(dr -> {
                                for (JsonNode s : dr.at("/spec/subsets")) {
                                    if (s.path("name").asText().equals(subset)) {
                                        return true;
                                    }
                                }
                                return false;
                            });
                    if (!defined) {
                        fail("mesh-routing", vs, "routes to subset " + subset + " of " + host
                                + ", which no DestinationRule of that Service defines");
                    }
                }
            }
        }
    }

    /** Every identity an AuthorizationPolicy lets in is a ServiceAccount of the rendering (or the mesh's own). */
    private void principals() {
        Set<String> accounts = new HashSet<>(PLATFORM_IDENTITIES);
        for (ObjectNode account : manifest.ofKind("ServiceAccount")) {
            accounts.add("cluster.local/ns/" + Manifest.namespace(account) + "/sa/" + Manifest.name(account));
        }
        for (ObjectNode policy : manifest.ofKind("AuthorizationPolicy")) {
            for (JsonNode principal : Schema.at(policy, "/spec/rules/*/from/*/source/principals/*")) {
                Matcher m = PRINCIPAL.matcher(principal.asText());
                if (!m.matches() || !accounts.contains(principal.asText())) {
                    fail("principals", policy, "lets in " + principal.asText() + ", which is no ServiceAccount here");
                }
            }
            JsonNode selector = policy.at("/spec/selector/matchLabels");
            if (!selector.isMissingNode() && workloadsIn(Manifest.namespace(policy)).stream()
                    .noneMatch(w -> labelsMatch(selector, podLabels(w)))) {
                fail("principals", policy, "selects " + selector + ", which matches no pod");
            }
        }
    }

    /** The app namespace: STRICT mutual TLS for every workload, and nothing allowed that no policy names. */
    private void strictMeshDeniedByDefault() {
        boolean strict = manifest.ofKind("PeerAuthentication").stream()
                .anyMatch(pa -> Manifest.namespace(pa).equals(APP_NAMESPACE) && pa.at("/spec/selector").isMissingNode()
                        && "STRICT".equals(pa.at("/spec/mtls/mode").asText()));
        if (!strict) {
            violations.add("[mesh-defaults] namespace " + APP_NAMESPACE
                    + " has no namespace-wide PeerAuthentication with mtls.mode STRICT");
        }
        boolean denyAll = manifest.ofKind("AuthorizationPolicy").stream()
                .anyMatch(ap -> Manifest.namespace(ap).equals(APP_NAMESPACE) && ap.at("/spec/selector").isMissingNode()
                        && ap.at("/spec/rules").isMissingNode() && "ALLOW".equals(ap.at("/spec/action").asText("ALLOW")));
        if (!denyAll) {
            violations.add("[mesh-defaults] namespace " + APP_NAMESPACE
                    + " has no deny-by-default AuthorizationPolicy (an ALLOW without rules and without selector)");
        }
    }

    /** Secrets in git are templates: every value is empty (real values are filled in the cluster). */
    private void secrets() {
        for (ObjectNode secret : manifest.ofKind("Secret")) {
            for (String field : List.of("data", "stringData")) {
                secret.path(field).fields().forEachRemaining(entry -> {
                    if (!entry.getValue().asText().isEmpty()) {
                        fail("secrets", secret, field + "." + entry.getKey() + " carries a value; keep it empty in git");
                    }
                });
            }
        }
    }

    /**
     * Health details and metrics stay inside the cluster: no Service port leads to a management port, and the
     * front door (Ingress, VirtualServices bound to an ingress Gateway) reaches only the gateway's public port.
     */
    private void managementStaysInside() {
        for (ObjectNode service : manifest.ofKind("Service")) {
            JsonNode selector = service.at("/spec/selector");
            List<ObjectNode> selected = workloadsIn(Manifest.namespace(service)).stream()
                    .filter(w -> labelsMatch(selector, podLabels(w))).toList();
            for (JsonNode port : service.at("/spec/ports")) {
                JsonNode target = port.has("targetPort") ? port.get("targetPort") : port.get("port");
                for (ObjectNode workload : selected) {
                    for (JsonNode container : containers(workload)) {
                        for (JsonNode p : container.path("ports")) {
                            boolean management = "management".equals(p.path("name").asText());
                            boolean same = target.isInt() ? p.path("containerPort").asInt() == target.asInt()
                                    : target.asText().equals(p.path("name").asText());
                            if (management && same) {
                                fail("management", service, "port " + port.path("port").asText()
                                        + " exposes the management port of " + Manifest.name(workload));
                            }
                        }
                    }
                }
            }
        }
        for (ObjectNode ingress : manifest.ofKind("Ingress")) {
            for (JsonNode backend : Schema.at(ingress, "/spec/rules/*/http/paths/*/backend/service")) {
                if (!backend.path("name").asText().equals("gateway") || !backend.at("/port/name").asText().equals("http")) {
                    fail("management", ingress, "routes to " + backend + "; only the gateway's http port may be public");
                }
            }
        }
        for (ObjectNode vs : manifest.ofKind("VirtualService")) {
            boolean atTheEdge = false;
            for (JsonNode gateway : vs.at("/spec/gateways")) {
                atTheEdge |= !gateway.asText().equals("mesh");
            }
            if (!atTheEdge) {
                continue;
            }
            for (JsonNode destination : Schema.at(vs, "/spec/http/*/route/*/destination")) {
                Optional<ObjectNode> service = serviceOf(destination.path("host").asText(), Manifest.namespace(vs));
                boolean gatewayHttp = service.map(s -> Manifest.name(s).equals("gateway")).orElse(false)
                        && service.map(s -> {
                            for (JsonNode p : s.at("/spec/ports")) {
                                if (p.path("name").asText().equals("http")
                                        && p.path("port").asInt() == destination.at("/port/number").asInt(p.path("port").asInt())) {
                                    return true;
                                }
                            }
                            return false;
                        }).orElse(false);
                if (!gatewayHttp) {
                    fail("management", vs, "takes outside traffic to " + destination
                            + "; only the gateway's http port may be public");
                }
            }
        }
    }
}
