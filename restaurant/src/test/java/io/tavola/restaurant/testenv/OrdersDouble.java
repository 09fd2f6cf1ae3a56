package io.tavola.restaurant.testenv;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-process double of the one orders endpoint this service calls, {@code GET /api/v1/sessions?status=open}
 * (docs/contracts.md): tests open and close tabs on it, take it down, and read the requests it saw. It runs
 * in the test JVM, so its state is the tests' both beside {@code @QuarkusTest} and beside the packaged jar.
 * Registered once for every test class, so all share one application start.
 */
@QuarkusTestResource(OrdersDouble.class)
public class OrdersDouble implements QuarkusTestResourceLifecycleManager {

    /** table id -> its restaurant, for every open tab. */
    private static final Map<UUID, UUID> OPEN = new ConcurrentHashMap<>();
    private static final List<Seen> SEEN = new CopyOnWriteArrayList<>();
    private static volatile boolean down;

    /** A request the double answered: the restaurant and status asked for, and the token it came with. */
    public record Seen(String restaurantId, String status, String page, String authorization) {}

    private Vertx vertx;

    public static void openTab(UUID restaurantId, UUID tableId) {
        OPEN.put(tableId, restaurantId);
    }

    public static void closeTab(UUID tableId) {
        OPEN.remove(tableId);
    }

    /** Down: every request is answered 500, as a failing orders service would. */
    public static void down(boolean isDown) {
        down = isDown;
    }

    public static List<Seen> seen() {
        return List.copyOf(SEEN);
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        try {
            int port = vertx.createHttpServer().requestHandler(this::answer).listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get().actualPort();
            return Map.of("quarkus.rest-client.orders.url", "http://127.0.0.1:" + port);
        } catch (Exception e) {
            throw new IllegalStateException("orders double did not start", e);
        }
    }

    private void answer(HttpServerRequest request) {
        if (!request.path().equals("/api/v1/sessions")) {
            request.response().setStatusCode(404).end();
            return;
        }
        String authorization = request.getHeader("Authorization");
        SEEN.add(new Seen(request.getParam("restaurant_id"), request.getParam("status"), request.getParam("page"),
                authorization));
        if (down) {
            request.response().setStatusCode(500).end();
            return;
        }
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            request.response().setStatusCode(401).end();
            return;
        }
        UUID restaurant = UUID.fromString(request.getParam("restaurant_id"));
        int page = Integer.parseInt(request.getParam("page", "0"));
        int size = Integer.parseInt(request.getParam("size", "20"));
        List<UUID> tables = OPEN.entrySet().stream().filter(e -> e.getValue().equals(restaurant))
                .map(Map.Entry::getKey).sorted().toList();
        JsonArray items = new JsonArray();
        tables.stream().skip((long) page * size).limit(size).forEach(table -> items.add(new JsonObject()
                .put("id", UUID.randomUUID().toString()).put("restaurant_id", restaurant.toString())
                .put("table_id", table.toString()).put("table_label", "T").put("status", "open")
                .put("opened_at", "2026-12-01T19:00:00Z").put("closed_at", null).put("total_amount", 0)
                .put("currency", "EUR")));
        request.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("items", items)
                .put("page", page).put("size", size).put("total", tables.size()).encode());
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }
}
