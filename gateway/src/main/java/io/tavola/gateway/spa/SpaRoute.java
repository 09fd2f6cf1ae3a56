package io.tavola.gateway.spa;

import io.tavola.gateway.web.SecurityHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.Base64;
import java.nio.file.Path;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Serves the built web app at {@code /}. Its client-side routes ({@code /t/<qr token>}, {@code /kitchen},
 * {@code /admin/...}) get {@code index.html} so a reload or a scanned QR link lands in the app. Never
 * answers for the API, the WebSockets, Quarkus' own {@code /q} endpoints or {@code /health}. A browser
 * asking for any other page gets the app too, with status 404, so it shows the app's not-found page.
 */
@ApplicationScoped
public class SpaRoute {

    private static final Logger LOG = Logger.getLogger(SpaRoute.class);
    private static final List<String> NOT_OURS = List.of("/api", "/ws", "/q", "/health");
    private static final String PLACEHOLDER = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Tavola</title></head>
            <body><h1>Tavola</h1>
            <p>The web app is not built. Build it with <code>npm run build</code> in <code>src-frontend/</code>
            (<code>scripts/run</code> does this); the API is at <code>/api/v1</code>.</p></body></html>
            """;

    private static final List<String> COMPRESSIBLE = List.of("text/", "application/javascript",
            "application/json", "application/manifest+json", "image/svg+xml");
    private static final String NONCE_PLACEHOLDER = "__CSP_NONCE__";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;

    SpaRoute(SpaConfig config) {
        this.dir = Path.of(config.dir()).toAbsolutePath().normalize();
    }

    void register(@Observes Router router) {
        // These routes sit before Quarkus REST's catch-all (which would answer 404 for every path), so
        // they step aside explicitly for everything that is not the app's.
        if (!Files.isRegularFile(dir.resolve("index.html"))) {
            LOG.infof("No web app at %s: its pages answer with a placeholder", dir);
            router.route().handler(rc -> {
                if (isRead(rc) && isAppPage(rc.normalizedPath())) {
                    rc.response().putHeader("Content-Type", "text/html; charset=utf-8").end(PLACEHOLDER);
                } else {
                    rc.next();
                }
            });
            return;
        }
        StaticHandler files = StaticHandler.create(FileSystemAccess.ROOT, dir.toString())
                .setDefaultContentEncoding("UTF-8");
        router.route().handler(rc -> {
            String path = rc.normalizedPath();
            if (!isRead(rc) || isNotOurs(path) || path.equals("/") || path.equals("/index.html")) {
                rc.next(); // index.html itself is the history fallback's, with its no-cache
                return;
            }
            // Vite names what /assets holds by its content hash: a new build is new names, so those are
            // kept for good; anything else may change under its name and is revalidated each time
            String caching = path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache";
            rc.addHeadersEndHandler(v -> {
                if (rc.response().getStatusCode() < 400) {
                    rc.response().headers().set("Cache-Control", caching);
                }
            });
            allowCompression(rc);
            files.handle(rc);
        });
        router.route().handler(this::historyFallback);
    }

    private void historyFallback(RoutingContext rc) {
        String path = rc.normalizedPath();
        if (isRead(rc) && (isAppPage(path) || isBrowserNavigation(rc, path))) {
            allowCompression(rc);
            // read each time (a rebuilt app is served at once), without blocking the event loop
            rc.vertx().fileSystem().readFile(dir.resolve("index.html").toString()).onComplete(read -> {
                if (read.failed()) {
                    rc.fail(read.cause());
                    return;
                }
                // a fresh nonce per page: the app hands it to the one inline <style> it injects
                byte[] random = new byte[16];
                RANDOM.nextBytes(random);
                String nonce = Base64.getEncoder().encodeToString(random);
                // index.html must not be cached: it names the current hashed assets (and its nonce)
                // an unknown page: still 404 for crawlers and tools, but the app's not-found page for people
                rc.response().setStatusCode(isAppPage(path) ? 200 : 404)
                        .putHeader("Cache-Control", "no-cache")
                        .putHeader("Content-Type", "text/html; charset=utf-8")
                        .putHeader("Content-Security-Policy", SecurityHeaders.appPolicy(nonce))
                        .end(read.result().toString(StandardCharsets.UTF_8).replace(NONCE_PLACEHOLDER, nonce));
            });
        } else {
            rc.next();
        }
    }

    /**
     * Quarkus marks every answer {@code Content-Encoding: identity} and lifts that only on its own
     * routes (quarkus.http.enable-compression); the app's text files are most of what a phone downloads
     * on a slow network, so these routes lift it too, and Vert.x gzips for a client that accepts it.
     */
    private static void allowCompression(RoutingContext rc) {
        rc.addHeadersEndHandler(v -> {
            String type = rc.response().headers().get("Content-Type");
            if (type != null && COMPRESSIBLE.stream().anyMatch(type::startsWith)) {
                rc.response().headers().remove("Content-Encoding");
            }
        });
    }

    private static boolean isRead(RoutingContext rc) {
        return rc.request().method() == HttpMethod.GET || rc.request().method() == HttpMethod.HEAD;
    }

    static boolean isNotOurs(String path) {
        return NOT_OURS.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }

    /**
     * A browser opening a page that is none of the app's (a mistyped or stale link): it asks for HTML,
     * outside the API and the built files, so it gets the app, whose router shows its not-found page.
     */
    static boolean isBrowserNavigation(RoutingContext rc, String path) {
        String accept = rc.request().getHeader("Accept");
        return accept != null && accept.contains("text/html") && !isNotOurs(path) && !path.startsWith("/assets/");
    }

    /** The app's own pages, served index.html for client-side routing. */
    static boolean isAppPage(String path) {
        return path.equals("/") || path.equals("/kitchen") || path.startsWith("/kitchen/")
                || path.startsWith("/t/") || path.equals("/admin") || path.startsWith("/admin/")
                || path.equals("/index.html");
    }
}
