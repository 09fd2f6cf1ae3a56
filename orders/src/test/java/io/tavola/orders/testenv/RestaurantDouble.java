package io.tavola.orders.testenv;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.tavola.common.menu.MenuVersion;
import io.tavola.common.menu.PriceBook;
import io.tavola.common.menu.Quote;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The restaurant service's quote and price-book endpoints as the contract (docs/contracts.md) describes
 * them, answering from fixtures the tests PUT at {@code /__fixtures/restaurants/{rid}}; each publication
 * sets a new menu version in the tests' Redis, as the real service does after a change. A fixture with
 * {@code "down": true} answers 500, like a restaurant service in trouble.
 */
final class RestaurantDouble {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private final Map<String, JsonObject> fixtures = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Redis redis;

    RestaurantDouble(Redis redis) {
        this.redis = redis;
    }

    Router router(Vertx vertx) {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create());
        router.put("/__fixtures/restaurants/:rid").handler(rc -> {
            // a new menu version with every publication, as the real service sets one after every change
            String rid = rc.pathParam("rid");
            String version = UUID.randomUUID().toString();
            fixtures.put(rid, rc.body().asJsonObject().put("version", version));
            redis.send(Request.cmd(Command.SET).arg(MenuVersion.key(UUID.fromString(rid))).arg(version).arg("EX")
                    .arg(3600))
                    .onSuccess(ok -> rc.response().setStatusCode(204).end())
                    .onFailure(rc::fail);
        });
        router.get("/__fixtures/restaurants/:rid/calls").handler(rc -> rc.response()
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("book", calls(rc.pathParam("rid"), "book").get())
                        .put("quote", calls(rc.pathParam("rid"), "quote").get()).encode()));
        router.post("/api/v1/restaurants/:rid/menu/quote").handler(this::quote);
        router.get("/internal/v1/restaurants/:rid/price-book").handler(this::book);
        router.get("/api/v1/restaurants/:rid/tables/:id").handler(this::table);
        return router;
    }

    /** A table of the restaurant (the real service also checks the caller's token against the restaurant). */
    private void table(RoutingContext rc) {
        JsonObject fixture = fixtures.get(rc.pathParam("rid"));
        String tableId = rc.pathParam("id");
        if (fixture == null || !fixture.getJsonArray("tables", new JsonArray()).contains(tableId)) {
            rc.response().setStatusCode(404).putHeader("Content-Type", "application/problem+json")
                    .end(new JsonObject().put("status", 404).put("title", "Not found").encode());
            return;
        }
        rc.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("id", tableId)
                .put("restaurant_id", rc.pathParam("rid")).put("label", "Table " + tableId.substring(0, 4)).encode());
    }

    /**
     * The fixture as the restaurant service's price book; the quote is priced from it by the same code the
     * real service uses (common's PriceBook), so the double and the service cannot disagree on the rules.
     */
    private static JsonObject book(JsonObject fixture) {
        JsonArray items = new JsonArray();
        for (Object i : fixture.getJsonArray("items", new JsonArray())) {
            JsonObject item = (JsonObject) i;
            JsonArray groups = new JsonArray();
            for (Object g : item.getJsonArray("groups", new JsonArray())) {
                JsonObject group = (JsonObject) g;
                groups.add(new JsonObject().put("id", group.getString("id")).put("name", group.getString("name"))
                        .put("min_select", group.getInteger("min", 0)).put("max_select", group.getInteger("max", 99))
                        .put("options", group.getJsonArray("options")));
            }
            items.add(new JsonObject().put("id", item.getString("id")).put("name", item.getString("name"))
                    .put("price", item.getValue("price")).put("is_available", item.getBoolean("available", true))
                    .put("preparation_minutes", item.getInteger("preparation_minutes", 10)).put("groups", groups));
        }
        return new JsonObject().put("version", fixture.getString("version")).put("restaurant", fixture.getJsonObject("restaurant"))
                .put("items", items);
    }

    private AtomicInteger calls(String restaurantId, String endpoint) {
        return calls.computeIfAbsent(restaurantId + ":" + endpoint, k -> new AtomicInteger());
    }

    /** The fixture, or an answer for a missing one (404) or a restaurant service in trouble (500). */
    private JsonObject fixtureOrAnswer(RoutingContext rc) {
        JsonObject fixture = fixtures.get(rc.pathParam("rid"));
        if (fixture == null) {
            rc.response().setStatusCode(404).putHeader("Content-Type", "application/problem+json")
                    .end(new JsonObject().put("status", 404).put("title", "Not found").encode());
            return null;
        }
        if (fixture.getBoolean("down", false)) {
            rc.response().setStatusCode(500).end();
            return null;
        }
        return fixture;
    }

    /** A fixture's {@code book_delay_ms} holds the answer that long, like a restaurant service under load. */
    private void book(RoutingContext rc) {
        calls(rc.pathParam("rid"), "book").incrementAndGet();
        JsonObject fixture = fixtureOrAnswer(rc);
        if (fixture == null) {
            return;
        }
        String body = book(fixture).encode();
        long delay = fixture.getLong("book_delay_ms", 0L);
        if (delay > 0) {
            rc.vertx().setTimer(delay, ignored -> rc.response().putHeader("Content-Type", "application/json").end(body));
        } else {
            rc.response().putHeader("Content-Type", "application/json").end(body);
        }
    }

    private void quote(RoutingContext rc) {
        calls(rc.pathParam("rid"), "quote").incrementAndGet();
        JsonObject fixture = fixtureOrAnswer(rc);
        if (fixture == null) {
            return;
        }
        try {
            PriceBook book = JSON.readValue(book(fixture).encode(), PriceBook.class);
            Quote quote = book.quote(JSON.readValue(rc.body().asString(), Quote.Request.class));
            rc.response().putHeader("Content-Type", "application/json").end(JSON.writeValueAsString(quote));
        } catch (java.io.IOException e) {
            rc.response().setStatusCode(400).end();
        }
    }

    static HttpServer start(Vertx vertx, Router router) throws Exception {
        return vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get();
    }
}
