package io.tavola.orders.testenv;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The restaurant service's quote endpoint as the contract (docs/contracts.md) describes it, answering
 * from fixtures the tests PUT at {@code /__fixtures/restaurants/{rid}}. A fixture with {@code "down": true}
 * answers 500, like a restaurant service in trouble.
 */
final class RestaurantDouble {

    private final Map<String, JsonObject> fixtures = new ConcurrentHashMap<>();

    Router router(Vertx vertx) {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create());
        router.put("/__fixtures/restaurants/:rid").handler(rc -> {
            fixtures.put(rc.pathParam("rid"), rc.body().asJsonObject());
            rc.response().setStatusCode(204).end();
        });
        router.post("/api/v1/restaurants/:rid/menu/quote").handler(this::quote);
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

    private void quote(RoutingContext rc) {
        JsonObject fixture = fixtures.get(rc.pathParam("rid"));
        if (fixture == null) {
            rc.response().setStatusCode(404).putHeader("Content-Type", "application/problem+json")
                    .end(new JsonObject().put("status", 404).put("title", "Not found").encode());
            return;
        }
        if (fixture.getBoolean("down", false)) {
            rc.response().setStatusCode(500).end();
            return;
        }
        JsonArray lines = new JsonArray();
        for (Object asked : rc.body().asJsonObject().getJsonArray("lines", new JsonArray())) {
            lines.add(price((JsonObject) asked, fixture.getJsonArray("items", new JsonArray())));
        }
        rc.response().putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("restaurant", fixture.getJsonObject("restaurant")).put("lines", lines).encode());
    }

    private static JsonObject price(JsonObject asked, JsonArray items) {
        String itemId = asked.getString("menu_item_id");
        JsonObject line = new JsonObject().put("menu_item_id", itemId).put("modifiers", new JsonArray());
        JsonObject item = items.stream().map(JsonObject.class::cast)
                .filter(i -> i.getString("id").equals(itemId)).findFirst().orElse(null);
        if (item == null) {
            return line.put("name", null).put("unit_price", null).put("is_available", false)
                    .put("preparation_minutes", null).put("error", "unknown menu item");
        }
        line.put("name", item.getString("name")).put("unit_price", item.getValue("price"))
                .put("is_available", item.getBoolean("available", true))
                .put("preparation_minutes", item.getInteger("preparation_minutes", 10));
        List<String> chosen = new ArrayList<>();
        asked.getJsonArray("modifier_option_ids", new JsonArray()).forEach(o -> chosen.add((String) o));
        JsonArray groups = item.getJsonArray("groups", new JsonArray());
        String error = null;
        for (String optionId : chosen) {
            boolean known = false;
            for (Object g : groups) {
                JsonObject group = (JsonObject) g;
                for (Object o : group.getJsonArray("options")) {
                    JsonObject option = (JsonObject) o;
                    if (option.getString("id").equals(optionId)) {
                        known = true;
                        line.getJsonArray("modifiers").add(new JsonObject().put("group_id", group.getString("id"))
                                .put("group_name", group.getString("name")).put("option_id", optionId)
                                .put("option_name", option.getString("name"))
                                .put("price_delta", option.getValue("price_delta")));
                    }
                }
            }
            if (!known) {
                error = "unknown modifier option";
            }
        }
        if (error == null) {
            for (Object g : groups) {
                JsonObject group = (JsonObject) g;
                long count = group.getJsonArray("options").stream()
                        .filter(o -> chosen.contains(((JsonObject) o).getString("id"))).count();
                int min = group.getInteger("min", 0);
                int max = group.getInteger("max", 99);
                if (min == max && count != min) {
                    error = group.getString("name") + ": choose exactly " + min;
                } else if (count > max) {
                    error = group.getString("name") + ": choose at most " + max;
                } else if (count < min) {
                    error = group.getString("name") + ": choose at least " + min;
                }
                if (error != null) {
                    break;
                }
            }
        }
        return line.put("error", error);
    }

    static HttpServer start(Vertx vertx, Router router) throws Exception {
        return vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get();
    }
}
