package io.tavola.orders.testenv;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/** Short ways to call the orders API as someone. */
public final class Api {

    private Api() {}

    public static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType("application/json");
    }

    public static JsonObject line(UUID menuItemId, int quantity, UUID... optionIds) {
        JsonArray options = new JsonArray();
        for (UUID option : optionIds) {
            options.add(option.toString());
        }
        return new JsonObject().put("menu_item_id", menuItemId.toString()).put("quantity", quantity)
                .put("modifier_option_ids", options);
    }

    public static JsonObject order(JsonObject... lines) {
        JsonArray items = new JsonArray();
        for (JsonObject line : lines) {
            items.add(line);
        }
        return new JsonObject().put("items", items);
    }

    public static Response place(String token, JsonObject order) {
        return as(token).body(order.encode()).when().post("/api/v1/orders");
    }

    /** Places an order and answers its id (asserting 201). */
    public static String placed(String token, JsonObject order) {
        return place(token, order).then().statusCode(201).extract().path("id");
    }

    public static Response status(String token, String orderId, String status) {
        return as(token).body(new JsonObject().put("status", status).encode())
                .when().put("/api/v1/orders/" + orderId + "/status");
    }
}
