package io.tavola.kubernetes;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What {@code kubectl apply -k} and ArgoCD would apply, rendered offline: by the standalone
 * {@code kustomize build DIR} where it is on PATH (scripts/provision installs it where kubectl is
 * missing or older than 1.21), otherwise by {@code kubectl kustomize DIR}. Both give the same output.
 */
final class Kustomize {

    private static final List<String> RENDERER = onPath("kustomize")
            ? List.of("kustomize", "build")
            : List.of("kubectl", "kustomize");

    private Kustomize() {
    }

    static String render(Path dir) {
        List<String> command = Stream.concat(RENDERER.stream(), Stream.of(dir.toString())).toList();
        String name = String.join(" ", RENDERER);
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
            // read stdout fully before waiting: a large rendering would otherwise fill the pipe
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " " + dir + " did not finish in 60 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(name + " " + dir + " failed: " + err.strip());
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + name + " (it renders the kustomizations; "
                    + "scripts/provision --with-delivery installs one): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(File.pathSeparator))
                .map(entry -> Path.of(entry, command))
                .anyMatch(Files::isExecutable);
    }
}
