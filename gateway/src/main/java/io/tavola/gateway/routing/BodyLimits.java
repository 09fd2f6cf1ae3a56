package io.tavola.gateway.routing;

import java.util.regex.Pattern;

/**
 * How large a request body the gateway passes on: image uploads (a restaurant's logo, a menu item's
 * picture) get the upload limit, everything else (JSON) the default one. Enforced for every body, with
 * a length or chunked, before the service has to read it.
 */
public final class BodyLimits {

    private static final Pattern UPLOAD = Pattern.compile(
            "/api/v1/restaurants/[^/]+/(logo|menu-items/[^/]+/image)/?");

    private final long defaultLimit;
    private final long uploadLimit;

    public BodyLimits(long defaultLimit, long uploadLimit) {
        this.defaultLimit = defaultLimit;
        this.uploadLimit = uploadLimit;
    }

    /** The limit in bytes for a request; {@code path} is normalized. */
    public long forRequest(String method, String path) {
        return ("PUT".equals(method) || "POST".equals(method)) && UPLOAD.matcher(path).matches() ? uploadLimit
                : defaultLimit;
    }
}
