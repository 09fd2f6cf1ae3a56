package io.tavola.gateway.spa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Without a built web app the app's pages say so instead of failing, and nothing else is taken. */
class SpaPlaceholderTest {

    @Test
    void missingAppGivesAPlaceholderOnTheAppsPagesOnly() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Router router = Router.router(vertx);
            new SpaRoute(() -> "target/no-such-web-app").register(router);
            router.route().handler(rc -> rc.response().setStatusCode(404).end("elsewhere"));
            HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0)
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            HttpClient http = HttpClient.newHttpClient();
            for (String page : new String[] { "/", "/kitchen", "/t/qr-1", "/admin/users" }) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + server.actualPort() + page)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, answer.statusCode(), page);
                assertTrue(answer.body().contains("The web app is not built"), page);
            }
            for (String other : new String[] { "/api/v1/orders", "/q/health", "/assets/app.js" }) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + server.actualPort() + other)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals("elsewhere", answer.body(), other);
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
