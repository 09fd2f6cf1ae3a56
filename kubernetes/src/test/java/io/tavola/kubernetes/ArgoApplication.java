package io.tavola.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ArgoCD's Application has no model here: its fields that Tavola uses are checked by name (unknown ones
 * fail, required ones must be there), and its promise: automated sync that prunes and heals.
 */
final class ArgoApplication {

    private static final Map<String, Set<String>> FIELDS = Map.of(
            "", Set.of("apiVersion", "kind", "metadata", "spec"),
            "/spec", Set.of("project", "source", "destination", "syncPolicy", "ignoreDifferences"),
            "/spec/source", Set.of("repoURL", "targetRevision", "path"),
            "/spec/destination", Set.of("server", "namespace"),
            "/spec/syncPolicy", Set.of("automated", "syncOptions"),
            "/spec/syncPolicy/automated", Set.of("prune", "selfHeal"));
    private static final List<String> REQUIRED = List.of("/spec/project", "/spec/source/repoURL", "/spec/source/path",
            "/spec/destination/server", "/spec/destination/namespace");

    private ArgoApplication() {
    }

    static List<String> check(JsonNode app) {
        List<String> problems = new ArrayList<>();
        String id = Manifest.id(app);
        if (!app.path("apiVersion").asText().equals("argoproj.io/v1alpha1") || !app.path("kind").asText().equals("Application")) {
            return List.of(id + ": no model for " + app.path("apiVersion").asText() + " " + app.path("kind").asText());
        }
        FIELDS.forEach((pointer, known) -> {
            JsonNode node = pointer.isEmpty() ? app : app.at(pointer);
            node.fieldNames().forEachRemaining(f -> {
                if (!known.contains(f)) {
                    problems.add(id + ": unknown field " + pointer + "/" + f);
                }
            });
        });
        for (String pointer : REQUIRED) {
            if (!app.at(pointer).isTextual() || app.at(pointer).asText().isBlank()) {
                problems.add(id + ": " + pointer + " is required");
            }
        }
        for (String flag : List.of("prune", "selfHeal")) {
            if (!app.at("/spec/syncPolicy/automated/" + flag).asBoolean(false)) {
                problems.add(id + ": automated sync must " + (flag.equals("prune") ? "prune" : "heal (selfHeal)")
                        + ": syncPolicy.automated." + flag + " is not true");
            }
        }
        return problems;
    }
}
