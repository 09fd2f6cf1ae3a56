package io.tavola.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
        assertEquals(Repository.read(generated), Repository.read(committed),
                committed + " differs from what the build generates: run scripts/manifests and commit the result");
    }
}
