package io.tavola.kubernetes;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A copy of the manifests in a scratch directory that a test breaks on purpose, then renders. */
final class BrokenCopy {

    private final Path root;

    private BrokenCopy(Path root) {
        this.root = root;
    }

    static BrokenCopy of(Path scratch) {
        try (Stream<Path> files = Files.walk(Repository.KUBERNETES)) {
            for (Path source : files.toList()) {
                Path relative = Repository.KUBERNETES.relativize(source);
                if (relative.startsWith("target") || relative.startsWith("src") || relative.toString().equals("pom.xml")) {
                    continue;
                }
                Path target = scratch.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BrokenCopy(scratch);
    }

    /** Replaces text that must be there (so a test never passes because its edit missed). */
    BrokenCopy edit(String file, String text, String replacement) {
        Path path = root.resolve(file);
        String content = Repository.read(path);
        assertTrue(content.contains(text), file + " does not contain the text to break: " + text);
        try {
            Files.writeString(path, content.replace(text, replacement));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    List<String> violations(String kustomization, boolean mesh) {
        Manifest manifest = Manifest.parse(kustomization, Kustomize.render(root.resolve(kustomization)));
        return ManifestRules.check(manifest, mesh);
    }
}
