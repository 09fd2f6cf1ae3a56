package io.tavola.kubernetes;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each rule of the validator catches a manifest broken against it, in a copy of the real manifests. */
class BrokenManifestsTest {

    @TempDir
    Path scratch;

    private BrokenCopy copy() {
        try {
            return BrokenCopy.of(java.nio.file.Files.createTempDirectory(scratch, "kubernetes"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertCaught(List<String> violations, String rule, String fragment) {
        assertTrue(violations.stream().anyMatch(v -> v.startsWith("[" + rule + "]") && v.contains(fragment)),
                "expected a [" + rule + "] violation mentioning \"" + fragment + "\", got " + violations);
    }

    // --- schema: strict models of every kind ---------------------------------------------------------

    @Test
    void anUnknownFieldOfACoreKindIsCaught() {
        assertCaught(copy().edit("base/redis.yaml", "      targetPort: 6379", "      targetPortz: 6379")
                .violations("base", false), "schema", "targetPortz");
    }

    @Test
    void aMissingRequiredFieldIsCaught() {
        assertCaught(copy().edit("base/redis.yaml", "        - name: redis\n          image: redis:7.2", "        - image: redis:7.2")
                .violations("base", false), "schema", "name");
    }

    @Test
    void aWrongTypeIsCaught() {
        assertCaught(copy().edit("base/redis.yaml", "  replicas: 1\n", "  replicas: [1]\n")
                .violations("base", false), "schema", "Deployment restaurant-system/redis");
        assertCaught(copy().edit("base/redis.yaml", "args: [\"--save\", \"\", \"--appendonly\", \"no\"]", "args: \"--save\"")
                .violations("base", false), "schema", "args");
    }

    @Test
    void anUnknownFieldOfAnIstioKindIsCaught() {
        assertCaught(copy().edit("components/istio/peer-authentication.yaml", "    mode: STRICT", "    mode: STRICT\n  portLevelMtlz: {}")
                .violations("overlays/kind", true), "schema", "portLevelMtlz");
    }

    @Test
    void aNestedUnknownFieldOfAnIstioKindIsCaught() {
        assertCaught(copy().edit("components/istio/destination-rules.yaml", "      consecutive5xxErrors: 5", "      consecutive5xxErrorz: 5")
                .violations("overlays/kind", true), "schema", "consecutive5xxErrorz");
    }

    @Test
    void anIstioEnumValueThatDoesNotExistIsCaught() {
        assertCaught(copy().edit("components/istio/peer-authentication.yaml", "mode: STRICT", "mode: STRIKT")
                .violations("overlays/kind", true), "schema", "STRIKT");
    }

    @Test
    void anArgoApplicationWithAnUnknownFieldIsCaught() {
        assertCaught(copy().edit("argocd/application.yaml", "    targetRevision: main", "    targetRevison: main")
                .violations("argocd", false), "schema", "targetRevison");
    }

    @Test
    void anArgoApplicationThatDoesNotHealIsCaught() {
        assertCaught(copy().edit("argocd/application.yaml", "selfHeal: true", "selfHeal: false")
                .violations("argocd", false), "schema", "selfHeal");
    }

    // --- wiring ---------------------------------------------------------------------------------------

    @Test
    void aServiceSelectingNoPodIsCaught() {
        assertCaught(copy().edit("base/redis.yaml", "spec:\n  selector:\n    app.kubernetes.io/name: redis\n",
                "spec:\n  selector:\n    app.kubernetes.io/name: redis-cache\n").violations("base", false),
                "selectors", "Service restaurant-system/redis");
    }

    @Test
    void aServiceTargetingAPortNoContainerOpensIsCaught() {
        assertCaught(copy().edit("base/redis.yaml", "      targetPort: 6379", "      targetPort: 6380")
                .violations("base", false), "selectors", "6380");
    }

    @Test
    void anEnvFromConfigMapThatDoesNotExistIsCaught() {
        assertCaught(copy().edit("base/config.yaml", "  name: tavola-config\n", "  name: tavola-configuration\n")
                .violations("base", false), "references", "ConfigMap tavola-config");
    }

    @Test
    void anEnvFromSecretThatDoesNotExistIsCaught() {
        assertCaught(copy().edit("base/secrets.yaml", "  name: tavola-secrets\n", "  name: tavola-credentials\n")
                .violations("base", false), "references", "Secret tavola-secrets");
    }

    @Test
    void aSecretKeyThatDoesNotExistIsCaught() {
        assertCaught(copy().edit("base/secrets.yaml", "  DB_PASSWORD: \"\"", "  DB_PASS: \"\"")
                .violations("base", false), "references", "key DB_PASSWORD");
    }

    @Test
    void aMountedSecretThatDoesNotExistIsCaught() {
        assertCaught(copy().edit("base/secrets.yaml", "  name: tavola-auth-signing-key\n", "  name: tavola-signing-key\n")
                .violations("base", false), "references", "tavola-auth-signing-key");
    }

    @Test
    void aPodWithoutReadinessProbeIsCaught() {
        assertCaught(copy().edit("base/redis.yaml", "          readinessProbe:\n            exec:\n              command: [\"redis-cli\", \"ping\"]\n            periodSeconds: 5\n", "")
                .violations("base", false), "workloads", "has no readinessProbe");
    }

    @Test
    void aPodWithoutLivenessProbeIsCaught() {
        assertCaught(copy().edit("base/redis.yaml", "          livenessProbe:\n            tcpSocket:\n              port: 6379\n            initialDelaySeconds: 10\n            periodSeconds: 10\n", "")
                .violations("base", false), "workloads", "has no livenessProbe");
    }

    @Test
    void aPodWithoutMemoryLimitIsCaught() {
        assertCaught(copy().edit("base/redis.yaml", "            limits:\n              cpu: \"1\"\n              memory: 512Mi\n", "")
                .violations("base", false), "workloads", "resources.limits.memory");
    }

    @Test
    void aPodWithoutRequestsIsCaught() {
        assertCaught(copy().edit("base/redis.yaml", "            requests:\n              cpu: 100m\n              memory: 128Mi\n", "")
                .violations("base", false), "workloads", "resources.requests.cpu");
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
            "readOnlyRootFilesystem: true|readOnlyRootFilesystem: false|writable root filesystem",
            "allowPrivilegeEscalation: false|allowPrivilegeEscalation: true|allows privilege escalation",
            "runAsNonRoot: true|runAsNonRoot: false|may run as root",
            "              drop:\\n                - ALL|              drop:\\n                - NET_RAW|keeps capabilities",
            "        seccompProfile:\\n          type: RuntimeDefault|        seccompProfile:\\n          type: Unconfined|seccompProfile" })
    void aPodWithoutTheHardenedSecurityContextIsCaught(String text, String broken, String fragment) {
        assertCaught(copy().edit("base/redis.yaml", text.replace("\\n", "\n"), broken.replace("\\n", "\n"))
                .violations("base", false), "workloads", fragment);
    }

    @Test
    void theGeneratedServicesLoseTheirPodSeccompProfileWithoutTheBasePatch() {
        assertCaught(copy().edit("base/kustomization.yaml", "          type: RuntimeDefault", "          type: Unconfined")
                .violations("base", false), "workloads", "Deployment restaurant-system/orders: the pod's securityContext.seccompProfile");
    }

    @Test
    void aPodWithoutTheSidecarLabelIsCaught() {
        assertCaught(copy().edit("base/redis.yaml", "        app.kubernetes.io/part-of: tavola\n        sidecar.istio.io/inject: \"true\"\n",
                "        app.kubernetes.io/part-of: tavola\n")
                .violations("base", false), "workloads", "sidecar.istio.io/inject");
    }

    @Test
    void aVirtualServiceSubsetNoDestinationRuleDefinesIsCaught() {
        assertCaught(copy().edit("components/istio/destination-rules.yaml", "    - name: canary\n", "    - name: canary-track\n")
                .violations("overlays/kind", true), "mesh-routing", "subset canary");
    }

    @Test
    void aDestinationRuleForAHostThatIsNoServiceIsCaught() {
        assertCaught(copy().edit("components/istio/destination-rules.yaml", "host: restaurant.restaurant-system", "host: restaurants.restaurant-system")
                .violations("overlays/kind", true), "mesh-routing", "restaurants.restaurant-system");
    }

    @Test
    void aVirtualServiceRoutingToNoServiceIsCaught() {
        assertCaught(copy().edit("components/istio/front-door.yaml", "host: gateway.restaurant-system", "host: web.restaurant-system")
                .violations("overlays/kind", true), "mesh-routing", "web.restaurant-system");
    }

    @Test
    void aPrincipalThatIsNoServiceAccountIsCaught() {
        assertCaught(copy().edit("components/istio/authorization-policies.yaml", "sa/auth\"]", "sa/authentication\"]")
                .violations("overlays/kind", true), "principals", "sa/authentication");
    }

    @Test
    void aNamespaceWithoutStrictMutualTlsIsCaught() {
        assertCaught(copy().edit("components/istio/peer-authentication.yaml", "mode: STRICT", "mode: PERMISSIVE")
                .violations("overlays/kind", true), "mesh-defaults", "STRICT");
    }

    @Test
    void aNamespaceWithoutDenyByDefaultIsCaught() {
        assertCaught(copy().edit("components/istio/authorization-policies.yaml", "  name: allow-nothing\n  namespace: restaurant-system\nspec: {}",
                "  name: allow-nothing\n  namespace: restaurant-system\nspec:\n  action: ALLOW\n  rules:\n    - {}")
                .violations("overlays/kind", true), "mesh-defaults", "deny-by-default");
    }

    @Test
    void aSecretWithARealLookingValueIsCaught() {
        assertCaught(copy().edit("base/secrets.yaml", "  TAVOLA_ADMIN_PASSWORD: \"\"", "  TAVOLA_ADMIN_PASSWORD: \"Tr0ub4dor&3\"")
                .violations("base", false), "secrets", "TAVOLA_ADMIN_PASSWORD");
    }

    @Test
    void aServiceExposingAManagementPortIsCaught() {
        assertCaught(copy().edit("base/generated/orders.yml", "      targetPort: 8004\n",
                "      targetPort: 8004\n    - name: metrics\n      port: 9004\n      protocol: TCP\n      targetPort: 9004\n")
                .violations("base", false), "management", "exposes the management port of orders");
    }

    @Test
    void anIngressToAnythingButTheGatewayIsCaught() {
        assertCaught(copy().edit("base/ingress.yaml", "                name: gateway\n", "                name: orders\n")
                .violations("base", false), "management", "only the gateway's http port may be public");
    }

    @Test
    void aFrontDoorToAServiceIsCaught() {
        assertCaught(copy().edit("components/istio/front-door.yaml", "host: gateway.restaurant-system.svc.cluster.local",
                "host: orders.restaurant-system.svc.cluster.local").violations("overlays/kind", true),
                "management", "only the gateway's http port may be public");
    }
}
