package io.tavola.gateway.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.core.buffer.Buffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * An in-process stand-in for one service: answers its own special routes and echoes every other request
 * (method, path, query, headers, body length and hash) so tests see exactly what the gateway forwarded.
 * It can be stopped and started again on the same port, like a service that goes down.
 */
public final class ServiceDouble {

    /** A Quarkus service's default {@code quarkus.http.limits.max-body-size}. */
    public static final int SERVICE_BODY_LIMIT = 10 * 1024 * 1024;
    private static final String BODY = "double.body";

    public record Seen(String method, String path, String authorization) {}

    private final Vertx vertx;
    private final String name;
    private final Router router;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private int port;

    ServiceDouble(Vertx vertx, String name) {
        this.vertx = vertx;
        this.name = name;
        this.router = Router.router(vertx);
        router.route().handler(rc -> {
            seen.add(new Seen(rc.request().method().name(), rc.request().path(), rc.request().getHeader("Authorization")));
            rc.next();
        });
    }

    /** Routes registered here win over the echo. */
    public Router router() {
        return router;
    }

    void start() {
        router.route().handler(this::readBody).handler(this::echo);
        listen(0);
    }

    /**
     * Reads the body like a Quarkus service with its default 10 MB limit as the probe of issue 12 saw
     * it: past the limit the connection is cut without an answer (which the gateway then took for a
     * failing service).
     */
    private void readBody(RoutingContext rc) {
        Buffer body = Buffer.buffer();
        if (rc.request().isEnded()) {
            rc.put(BODY, body);
            rc.next();
            return;
        }
        rc.request().handler(chunk -> {
            if (body.length() + chunk.length() > SERVICE_BODY_LIMIT) {
                rc.request().connection().close();
            } else {
                body.appendBuffer(chunk);
            }
        });
        rc.request().endHandler(done -> {
            rc.put(BODY, body);
            rc.next();
        });
        rc.request().resume();
    }

    public synchronized void stop() {
        await(server.close());
        server = null;
    }

    public synchronized void restart() {
        listen(port);
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public String name() {
        return name;
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    public boolean saw(String path) {
        return seen.stream().anyMatch(s -> s.path().equals(path));
    }

    private void listen(int wanted) {
        server = await(vertx.createHttpServer().requestHandler(router).listen(wanted, "localhost"));
        port = server.actualPort();
    }

    private void echo(RoutingContext rc) {
        JsonObject headers = new JsonObject();
        rc.request().headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
        byte[] body = rc.<Buffer>get(BODY).getBytes();
        if ("\"v1\"".equals(rc.request().getHeader("If-None-Match"))) {
            rc.response().setStatusCode(304).putHeader("ETag", "\"v1\"").end();
            return;
        }
        JsonObject echo = new JsonObject()
                .put("service", name)
                .put("method", rc.request().method().name())
                .put("path", rc.request().path())
                .put("query", rc.request().query())
                .put("headers", headers)
                .put("body_length", body.length)
                .put("body_sha256", sha256(body));
        if (rc.request().method().name().equals("POST")) {
            // like a JAX-RS resource building its Location from its own base URI
            rc.response().setStatusCode(201).putHeader("Location", url() + rc.request().path() + "/new-id");
        }
        rc.response().putHeader("Content-Type", "application/json").putHeader("X-Served-By", name).end(echo.encode());
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
