package io.tavola.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tavola.common.testkit.TcpProxy;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stand-ins for the four services the gateway routes to, with just enough of the orders service
 * (the kitchen and session snapshots, deciding access from the caller's token like the real one) and of
 * the restaurant service (a JSON endpoint that refuses malformed bodies, a slow endpoint, a download).
 */
public class TestDoubles implements QuarkusTestResourceLifecycleManager {

    /** Exactly what the restaurant double answers to a body that is not JSON. */
    public static final String MALFORMED_PROBLEM = "{\"type\":\"https://tavola.io/problems/malformed-json\","
            + "\"title\":\"Malformed JSON\",\"status\":400,\"detail\":\"The request body is not valid JSON\","
            + "\"instance\":\"/api/v1/restaurants/quote\"}";
    public static final int DOWNLOAD_BYTES = 3 * 1024 * 1024;

    /** Active orders per restaurant id, as the orders double's kitchen board lists them. */
    public static final Map<String, JsonArray> ACTIVE_ORDERS = new ConcurrentHashMap<>();
    /** Sessions by id (with restaurant_id, table_id and orders), as the orders double returns them. */
    public static final Map<String, JsonObject> SESSIONS = new ConcurrentHashMap<>();
    /**
     * The {@code orders} stream's last sequence per restaurant id: the orders double answers it with its
     * snapshots ({@code Event-Sequence}), like the real one; absent means no header.
     */
    public static final Map<String, Long> SEQUENCES = new ConcurrentHashMap<>();
    /** Paths of the restaurant double's early answers whose request body has since arrived in full. */
    public static final Set<String> EARLY_BODIES_ENDED = ConcurrentHashMap.newKeySet();

    /** An open session of the restaurant at a table, as the orders double will answer it; its id. */
    public static String session(String restaurantId, String tableId) {
        String id = java.util.UUID.randomUUID().toString();
        SESSIONS.put(id, new JsonObject().put("id", id).put("restaurant_id", restaurantId)
                .put("table_id", tableId).put("status", "OPEN").put("orders", new JsonArray()));
        return id;
    }

    public static ServiceDouble auth;
    public static ServiceDouble restaurant;
    public static ServiceDouble orders;
    public static ServiceDouble customers;
    /** The gateway reaches Redis through this relay; tests cut it to simulate a Redis outage. */
    public static TcpProxy redis;
    /**
     * The gateway's live consumer reaches RabbitMQ through this relay, so a test can take the broker away
     * from the gateway alone; tests publish their events directly.
     */
    public static TcpProxy broker;

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        auth = new ServiceDouble(vertx, "auth");
        restaurant = new ServiceDouble(vertx, "restaurant");
        orders = new ServiceDouble(vertx, "orders");
        customers = new ServiceDouble(vertx, "customers");

        restaurant.router().post("/api/v1/restaurants/:rid/menu/quote").handler(rc -> rc.request().body()
                .onSuccess(body -> quote(rc, body)));
        restaurant.router().get("/api/v1/restaurants/slow").handler(rc -> vertx.setTimer(3000,
                t -> rc.response().end("finally")));
        // answered at the head, the body read afterwards: like a service refusing a call before reading it
        restaurant.router().post("/api/v1/restaurants/:rid/early").handler(rc -> {
            rc.response().setStatusCode(202).end();
            rc.request().handler(chunk -> {
            }).endHandler(done -> EARLY_BODIES_ENDED.add(rc.request().path()));
            rc.request().resume();
        });
        restaurant.router().get("/api/v1/restaurants/download").handler(rc -> {
            rc.response().setChunked(true).putHeader("Content-Type", "application/octet-stream");
            Buffer chunk = Buffer.buffer(new byte[64 * 1024]);
            for (int sent = 0; sent < DOWNLOAD_BYTES; sent += chunk.length()) {
                rc.response().write(chunk);
            }
            rc.response().end();
        });
        JsonObject problem = new JsonObject().put("type", "object").put("properties",
                new JsonObject().put("type", new JsonObject().put("type", "string")));
        serveOpenApi(auth, "/api/v1/auth/login", "Problem", problem);
        serveOpenApi(restaurant, "/api/v1/restaurants/{rid}/menu", "Item", new JsonObject().put("type", "object")
                .put("properties", new JsonObject().put("name", new JsonObject().put("type", "string"))));
        serveOpenApi(orders, "/api/v1/orders", "Item", new JsonObject().put("type", "object")
                .put("properties", new JsonObject().put("quantity", new JsonObject().put("type", "integer"))));
        serveOpenApi(customers, "/api/v1/customers/me", "Problem", problem);
        orders.router().get("/api/v1/orders").handler(this::activeOrders);
        orders.router().get("/api/v1/sessions/:id").handler(this::session);

        for (ServiceDouble service : new ServiceDouble[] { auth, restaurant, orders, customers }) {
            service.start();
        }
        redis = TcpProxy.start(vertx, System.getenv().getOrDefault("REDIS_HOST", "127.0.0.1"),
                Integer.parseInt(System.getenv().getOrDefault("REDIS_PORT", "6379")));
        broker = TcpProxy.start(vertx, System.getenv().getOrDefault("RABBITMQ_HOST", "127.0.0.1"),
                Integer.parseInt(System.getenv().getOrDefault("RABBITMQ_PORT", "5672")));
        return Map.of(
                "quarkus.redis.hosts", "redis://localhost:" + redis.port() + "/1",
                "tavola.live.broker.host", "127.0.0.1",
                "tavola.live.broker.port", Integer.toString(broker.port()),
                "tavola.proxy.upstream.auth.url", auth.url(),
                "tavola.proxy.upstream.restaurant.url", restaurant.url(),
                "tavola.proxy.upstream.orders.url", orders.url(),
                "tavola.proxy.upstream.customers.url", customers.url());
    }

    @Override
    public void stop() {
        if (vertx != null) {
            ServiceDouble.await(vertx.close());
        }
    }

    /**
     * A tiny document of one path answering {@code schemaName}, plus a health path the gateway does not
     * route and a Problem schema every service shares.
     */
    private static void serveOpenApi(ServiceDouble service, String path, String schemaName, JsonObject schema) {
        JsonObject ok = new JsonObject().put("description", "OK").put("content", new JsonObject()
                .put("application/json", new JsonObject().put("schema",
                        new JsonObject().put("$ref", "#/components/schemas/" + schemaName))));
        JsonObject document = new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", service.name()).put("version", "1.0"))
                .put("tags", new JsonArray().add(new JsonObject().put("name", service.name())))
                .put("paths", new JsonObject()
                        .put(path, new JsonObject().put("get", new JsonObject().put("tags", new JsonArray().add(service.name()))
                                .put("responses", new JsonObject().put("200", ok))))
                        .put("/q/health", new JsonObject().put("get", new JsonObject())))
                .put("components", new JsonObject().put("schemas", new JsonObject()
                        .put(schemaName, schema)
                        .put("Problem", new JsonObject().put("type", "object").put("properties",
                                new JsonObject().put("type", new JsonObject().put("type", "string"))))));
        service.router().get("/q/openapi").handler(rc -> rc.response().putHeader("Content-Type", "application/json")
                .end(document.encode()));
    }

    private void quote(RoutingContext rc, Buffer body) {
        try {
            body.toJsonObject();
            rc.response().putHeader("Content-Type", "application/json").end("{\"lines\":[]}");
        } catch (RuntimeException e) {
            rc.response().setStatusCode(400).putHeader("Content-Type", "application/problem+json")
                    .end(MALFORMED_PROBLEM);
        }
    }

    private void activeOrders(RoutingContext rc) {
        JsonObject claims = claims(rc);
        if (claims == null) {
            rc.response().setStatusCode(401).end();
            return;
        }
        if (!"true".equals(rc.request().getParam("active"))) {
            rc.response().setStatusCode(400).end();
            return;
        }
        boolean master = claims.getJsonArray("groups", new JsonArray()).contains("master_admin");
        String restaurantId = master ? rc.request().getParam("restaurant_id") : claims.getString("restaurant_id");
        JsonArray items = restaurantId == null ? new JsonArray() : ACTIVE_ORDERS.getOrDefault(restaurantId, new JsonArray());
        sequenceHeader(rc, restaurantId);
        rc.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("items", items)
                .put("page", 0).put("size", 100).put("total", items.size()).encode());
    }

    /** Like the orders service: guests of the session's table, staff of its restaurant, masters. */
    private void session(RoutingContext rc) {
        JsonObject claims = claims(rc);
        if (claims == null) {
            rc.response().setStatusCode(401).end();
            return;
        }
        JsonObject session = SESSIONS.get(rc.pathParam("id"));
        String role = claims.getJsonArray("groups", new JsonArray()).getString(0);
        boolean allowed = session != null && (role.equals("master_admin")
                || session.getString("restaurant_id").equals(claims.getString("restaurant_id"))
                        && (!role.equals("guest") || session.getString("table_id").equals(claims.getString("table_id"))));
        if (!allowed) {
            rc.response().setStatusCode(404).putHeader("Content-Type", "application/problem+json")
                    .end("{\"status\":404}");
            return;
        }
        sequenceHeader(rc, session.getString("restaurant_id"));
        rc.response().putHeader("Content-Type", "application/json").end(session.encode());
    }

    private static void sequenceHeader(RoutingContext rc, String restaurantId) {
        Long sequence = restaurantId == null ? null : SEQUENCES.get(restaurantId);
        if (sequence != null) {
            rc.response().putHeader("Event-Sequence", Long.toString(sequence));
        }
    }

    /** The double trusts the gateway to have verified the token; it only reads the claims. */
    private static JsonObject claims(RoutingContext rc) {
        String authorization = rc.request().getHeader("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String[] parts = authorization.substring(7).split("\\.");
        return new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1])));
    }
}
