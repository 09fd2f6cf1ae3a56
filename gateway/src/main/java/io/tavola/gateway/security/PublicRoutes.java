package io.tavola.gateway.security;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The routes anyone may call without an access token: signing in, the diner's way to a table token,
 * the public menu, quote, QR lookup and images. Everything else needs a valid token at the edge.
 */
public final class PublicRoutes {

    private record Rule(boolean read, String method, Pattern path) {
        boolean matches(String requestMethod, String requestPath) {
            boolean methodMatches = read
                    ? requestMethod.equals("GET") || requestMethod.equals("HEAD")
                    : requestMethod.equals(method);
            return methodMatches && path.matcher(requestPath).matches();
        }
    }

    private static final String ID = "[^/]+";

    private static final List<Rule> RULES = List.of(
            post("/api/v1/auth/login"),
            post("/api/v1/auth/refresh"),
            post("/api/v1/auth/register"),
            post("/api/v1/auth/guest"),
            // auth revokes by the refresh token alone: an expired access token must not block logging out
            post("/api/v1/auth/logout"),
            read("/api/v1/auth/jwks"),
            read("/api/v1/restaurants/" + ID + "/menu"),
            post("/api/v1/restaurants/" + ID + "/menu/quote"),
            read("/api/v1/restaurants/" + ID + "/images/" + ID),
            read("/api/v1/tables/" + ID));

    private PublicRoutes() {}

    /** {@code path} must be normalized (no dot segments), as Vert.x's {@code normalizedPath()} is. */
    public static boolean isPublic(String method, String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return RULES.stream().anyMatch(rule -> rule.matches(method, trimmed));
    }

    private static Rule post(String path) {
        return new Rule(false, "POST", Pattern.compile(path));
    }

    private static Rule read(String path) {
        return new Rule(true, null, Pattern.compile(path));
    }
}
