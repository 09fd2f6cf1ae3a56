package io.tavola.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the manifests live: this module's directory is kubernetes/ of the repository. */
final class Repository {

    static final Path KUBERNETES = Path.of("").toAbsolutePath();
    static final Path ROOT = KUBERNETES.getParent();

    private Repository() {
    }

    static Manifest render(Path kustomization) {
        return Manifest.parse(ROOT.relativize(kustomization).toString(), Kustomize.render(kustomization));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
