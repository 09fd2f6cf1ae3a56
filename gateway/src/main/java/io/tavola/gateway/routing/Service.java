package io.tavola.gateway.routing;

import java.util.List;
import java.util.Optional;

/** The services behind the gateway and the path prefixes each one owns (DESIGN.md, HTTP API). */
public enum Service {
    AUTH("auth", List.of("/api/v1/auth", "/api/v1/users")),
    RESTAURANT("restaurant", List.of("/api/v1/restaurants", "/api/v1/tables")),
    ORDERS("orders", List.of("/api/v1/sessions", "/api/v1/orders", "/api/v1/analytics")),
    CUSTOMERS("customers", List.of("/api/v1/customers", "/api/v1/feedback"));

    private final String key;
    private final List<String> prefixes;

    Service(String key, List<String> prefixes) {
        this.key = key;
        this.prefixes = prefixes;
    }

    /** The name used in configuration ({@code tavola.upstream.<key>.url}) and in problem details. */
    public String key() {
        return key;
    }

    /** The service owning a (normalized) path; prefixes match whole segments only. */
    public static Optional<Service> forPath(String path) {
        for (Service service : values()) {
            for (String prefix : service.prefixes) {
                if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                    return Optional.of(service);
                }
            }
        }
        return Optional.empty();
    }
}
