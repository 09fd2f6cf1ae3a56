package io.tavola.gateway.web;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The browser-facing security headers on every answer of the public port: the web app, the API (what the
 * services answer and what the gateway answers itself) and the WebSocket upgrades (issue 12, fault 7).
 * The app's policy allows scripts, styles and connections from its own origin only, so no inline script
 * runs; an API answer may load nothing at all and is sandboxed, so even an uploaded file opened as a
 * page can run nothing. A service's own Content-Security-Policy is kept.
 */
@ApplicationScoped
public class SecurityHeaders {

    /** The built app: its hashed files from /assets, images also as data:/blob: (previews), sockets to itself. */
    static final String APP_POLICY = appPolicy(null);
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";
    static final String PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    /**
     * The app's policy; with {@code nonce} (index.html, whose copy names it) an inline {@code <style>}
     * carrying it is allowed too: the dialogs' scroll lock injects one. Scripts never get a nonce.
     */
    public static String appPolicy(String nonce) {
        return "default-src 'self'; script-src 'self'; style-src 'self'" + (nonce == null ? "" : " 'nonce-" + nonce + "'")
                + "; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; "
                + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    void register(@Observes Router router) {
        // first of all routes, so answers of every handler (and every early refusal) carry them
        router.route().order(Integer.MIN_VALUE).handler(this::handle);
    }

    void handle(RoutingContext rc) {
        boolean api = rc.normalizedPath().startsWith("/api/");
        boolean https = "https".equals(rc.request().scheme());
        rc.addHeadersEndHandler(v -> {
            MultiMap headers = rc.response().headers();
            if (!headers.contains("Content-Security-Policy")) {
                headers.set("Content-Security-Policy", api ? API_POLICY : APP_POLICY);
            }
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            // the diner's QR token is in the page's path: no address leaves the site in a Referer
            headers.set("Referrer-Policy", "same-origin");
            headers.set("Permissions-Policy", PERMISSIONS);
            headers.set("Cross-Origin-Opener-Policy", "same-origin");
            if (https) {
                headers.set("Strict-Transport-Security", "max-age=31536000");
            }
        });
        rc.next();
    }
}
