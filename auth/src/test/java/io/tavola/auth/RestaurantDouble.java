package io.tavola.auth;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * An in-process stand-in for the restaurant service's public QR lookup (docs/contracts.md): tokens of
 * the form {@code qr.<restaurantId>.<tableId>} belong to that table, anything else is unknown (404).
 */
public final class RestaurantDouble {

    public static final int PORT = 18903;
    private static HttpServer server;

    private RestaurantDouble() {}

    public static synchronized void ensureStarted() throws Exception {
        if (server != null) {
            return;
        }
        server = Vertx.vertx().createHttpServer().requestHandler(req -> {
            String path = req.path();
            String prefix = "/api/v1/tables/";
            String[] parts = path.startsWith(prefix) ? path.substring(prefix.length()).split("\\.") : new String[0];
            if (parts.length == 3 && parts[0].equals("qr")) {
                JsonObject table = new JsonObject()
                        .put("restaurant_id", UUID.fromString(parts[1]).toString())
                        .put("table_id", UUID.fromString(parts[2]).toString())
                        .put("table_number", "7")
                        .put("label", "Window 7")
                        .put("restaurant_name", "Trattoria Test")
                        .put("currency", "EUR")
                        .put("generation", 3);
                req.response().putHeader("Content-Type", "application/json").end(table.encode());
            } else {
                req.response().setStatusCode(404).putHeader("Content-Type", "application/problem+json")
                        .end("{\"status\":404,\"title\":\"Not found\"}");
            }
        }).listen(PORT).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public static String qrToken(UUID restaurantId, UUID tableId) {
        return "qr." + restaurantId + "." + tableId;
    }
}
