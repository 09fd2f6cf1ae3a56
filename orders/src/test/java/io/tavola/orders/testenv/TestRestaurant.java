package io.tavola.orders.testenv;

import static io.restassured.RestAssured.given;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;

/** A restaurant as the restaurant-service double knows it: settings and menu, published with {@link #publish()}. */
public final class TestRestaurant {

    public final UUID id = UUID.randomUUID();
    private final JsonObject settings;
    private final JsonArray items = new JsonArray();
    private final JsonArray tables = new JsonArray();
    private boolean down;
    private long bookDelayMillis;
    private boolean published;

    private TestRestaurant() {
        settings = new JsonObject().put("id", id.toString()).put("name", "Trattoria " + id.toString().substring(0, 6))
                .put("currency", "EUR").put("time_zone", "Europe/Rome").put("is_active", true)
                .put("order_confirmation_required", false).put("service_request_cooldown_seconds", 120);
    }

    public static TestRestaurant create() {
        return new TestRestaurant();
    }

    public TestRestaurant set(String setting, Object value) {
        settings.put(setting, value);
        return this;
    }

    public UUID item(String name, String price) {
        UUID itemId = UUID.randomUUID();
        items.add(new JsonObject().put("id", itemId.toString()).put("name", name).put("price", Double.valueOf(price))
                .put("available", true).put("preparation_minutes", 12).put("groups", new JsonArray()));
        return itemId;
    }

    /** A table of this restaurant, as staff name it (the double answers only this restaurant's tables). */
    public UUID table() {
        UUID tableId = UUID.randomUUID();
        tables.add(tableId.toString());
        if (published) {
            publish();
        }
        return tableId;
    }

    /** Adds a modifier group to an item: choose between {@code min} and {@code max} of its options. */
    public UUID group(UUID itemId, String name, int min, int max) {
        UUID groupId = UUID.randomUUID();
        find(itemId).getJsonArray("groups").add(new JsonObject().put("id", groupId.toString()).put("name", name)
                .put("min", min).put("max", max).put("options", new JsonArray()));
        return groupId;
    }

    public UUID option(UUID itemId, UUID groupId, String name, String priceDelta) {
        UUID optionId = UUID.randomUUID();
        find(itemId).getJsonArray("groups").stream().map(JsonObject.class::cast)
                .filter(g -> g.getString("id").equals(groupId.toString())).findFirst().orElseThrow()
                .getJsonArray("options").add(new JsonObject().put("id", optionId.toString()).put("name", name)
                        .put("price_delta", Double.valueOf(priceDelta)));
        return optionId;
    }

    public TestRestaurant available(UUID itemId, boolean available) {
        find(itemId).put("available", available);
        return this;
    }

    public TestRestaurant price(UUID itemId, String price) {
        find(itemId).put("price", Double.valueOf(price));
        return this;
    }

    /** How often the orders service asked the double for this restaurant's price book and for a quote. */
    public JsonObject calls() {
        return new JsonObject(given().baseUri(doubleUrl()).when().get("/__fixtures/restaurants/" + id + "/calls")
                .then().statusCode(200).extract().asString());
    }

    public TestRestaurant down(boolean down) {
        this.down = down;
        return this;
    }

    /** The double answers this restaurant's price book only after {@code millis}. */
    public TestRestaurant bookDelay(long millis) {
        this.bookDelayMillis = millis;
        return this;
    }

    public TestRestaurant publish() {
        given().baseUri(doubleUrl()).contentType("application/json")
                .body(new JsonObject().put("restaurant", settings).put("items", items).put("tables", tables)
                        .put("down", down).put("book_delay_ms", bookDelayMillis).encode())
                .when().put("/__fixtures/restaurants/" + id)
                .then().statusCode(204);
        published = true;
        return this;
    }

    public static void cutBroker() {
        given().baseUri(doubleUrl()).when().post("/__broker/cut").then().statusCode(204);
    }

    public static void restoreBroker() {
        given().baseUri(doubleUrl()).when().post("/__broker/restore").then().statusCode(204);
    }

    /** PostgreSQL gone for this service's reactive connections (as if it stopped), until {@link #restoreDatabase}. */
    public static void cutDatabase() {
        given().baseUri(doubleUrl()).when().post("/__database/cut").then().statusCode(204);
    }

    public static void restoreDatabase() {
        given().baseUri(doubleUrl()).when().post("/__database/restore").then().statusCode(204);
    }

    private JsonObject find(UUID itemId) {
        return items.stream().map(JsonObject.class::cast).filter(i -> i.getString("id").equals(itemId.toString()))
                .findFirst().orElseThrow();
    }

    private static String doubleUrl() {
        return System.getProperty(OrdersTestEnvironment.DOUBLE_URL);
    }
}
