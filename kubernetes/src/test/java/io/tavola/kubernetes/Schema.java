package io.tavola.kubernetes;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.JsonParser;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Strict validation of one object against the model of its kind: unknown fields, missing required fields
 * and wrong types fail. Core kinds use the Kubernetes Java client's generated models; Istio kinds the
 * fabric8 Istio model (which keeps unknown fields aside, so they are looked for, and does not check enum
 * values, so those are checked here); ArgoCD's Application, which has neither, its own few fields.
 */
final class Schema {

    private static final ObjectMapper FABRIC8 = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    /** Istio enum fields this project uses (JSON pointer pattern with * for any list index → allowed values). */
    private static final Map<String, Set<String>> ISTIO_ENUMS = Map.of(
            "PeerAuthentication:/spec/mtls/mode", Set.of("UNSET", "DISABLE", "PERMISSIVE", "STRICT"),
            "AuthorizationPolicy:/spec/action", Set.of("ALLOW", "DENY", "AUDIT", "CUSTOM"),
            "DestinationRule:/spec/trafficPolicy/tls/mode", Set.of("DISABLE", "SIMPLE", "MUTUAL", "ISTIO_MUTUAL"),
            "Gateway:/spec/servers/*/port/protocol", Set.of("HTTP", "HTTPS", "GRPC", "HTTP2", "MONGO", "TCP", "TLS"));

    private Schema() {
    }

    static List<String> check(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        if (apiVersion.isEmpty() || kind.isEmpty()) {
            return List.of("an object without apiVersion or kind: " + object);
        }
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        if (group.endsWith(".istio.io")) {
            return istio(object, group.substring(0, group.indexOf('.')), version, kind);
        }
        if (group.equals("argoproj.io")) {
            return ArgoApplication.check(object);
        }
        return core(object, version, kind);
    }

    private static List<String> core(JsonNode object, String version, String kind) {
        String className = "io.kubernetes.client.openapi.models." + Character.toUpperCase(version.charAt(0))
                + version.substring(1) + kind;
        try {
            Class<?> model = Class.forName(className);
            // fields and required fields, then the types of the values (a list where a number belongs)
            model.getMethod("validateJsonElement", com.google.gson.JsonElement.class)
                    .invoke(null, JsonParser.parseString(object.toString()));
            model.getMethod("fromJson", String.class).invoke(null, object.toString());
            return List.of();
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            return List.of(Manifest.id(object) + ": no Kubernetes model for " + object.path("apiVersion").asText()
                    + " " + kind);
        } catch (InvocationTargetException e) {
            return List.of(Manifest.id(object) + ": " + e.getCause().getMessage());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> istio(JsonNode object, String area, String version, String kind) {
        String className = "io.fabric8.istio.api." + area + "." + version + "." + kind;
        List<String> problems = new ArrayList<>();
        try {
            Object parsed = FABRIC8.treeToValue(object, Class.forName(className));
            List<String> unknown = new ArrayList<>();
            unknownFields(parsed, "", unknown, new IdentityHashMap<>());
            unknown.forEach(path -> problems.add(Manifest.id(object) + ": unknown field " + path));
        } catch (ClassNotFoundException e) {
            return List.of(Manifest.id(object) + ": no Istio model for " + object.path("apiVersion").asText() + " " + kind);
        } catch (Exception e) {
            return List.of(Manifest.id(object) + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
        ISTIO_ENUMS.forEach((key, allowed) -> {
            if (key.startsWith(kind + ":")) {
                for (JsonNode value : at(object, key.substring(kind.length() + 1))) {
                    if (!allowed.contains(value.asText())) {
                        problems.add(Manifest.id(object) + ": " + key.substring(kind.length() + 1) + " is \""
                                + value.asText() + "\", not one of " + allowed);
                    }
                }
            }
        });
        return problems;
    }

    /** The fabric8 models keep what they do not know in additionalProperties, at every level. */
    private static void unknownFields(Object value, String path, List<String> problems, Map<Object, Boolean> seen) {
        if (value == null || seen.put(value, true) != null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "/" + i++, problems, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "/" + k, problems, seen));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(k -> problems.add(path + "/" + k));
                }
                continue;
            }
            String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            unknownFields(child, path + "/" + field, problems, seen);
        }
    }

    /** The nodes at a JSON pointer whose segments may be * (every element of a list). */
    static List<JsonNode> at(JsonNode root, String pointer) {
        List<JsonNode> current = List.of(root);
        for (String segment : pointer.substring(1).split("/")) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                if (segment.equals("*")) {
                    node.forEach(next::add);
                } else if (node.isArray() && segment.matches("\\d+") && node.has(Integer.parseInt(segment))) {
                    next.add(node.get(Integer.parseInt(segment)));
                } else if (node.has(segment)) {
                    next.add(node.get(segment));
                }
            }
            current = next;
        }
        return current;
    }
}
