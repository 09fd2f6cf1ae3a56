package io.tavola.restaurant;

import static io.restassured.RestAssured.given;
import static io.tavola.restaurant.TestData.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tavola.common.testkit.RabbitQueue;
import io.tavola.common.testkit.TestTokens;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PublicMenuTest {

    private static final String MENU = "/api/v1/restaurants/{rid}/menu";

    @Test
    void menuGroupsAvailableItemsByCategoryWithoutLogin() {
        UUID rid = TestData.restaurant("Public menu");
        UUID pizze = TestData.category(rid, "Pizze");
        UUID empty = TestData.category(rid, "Empty");
        as(TestTokens.admin(rid)).body(Map.of("name", "Dolci", "display_order", 5)).post(
                "/api/v1/restaurants/{rid}/categories", rid).then().statusCode(201);
        TestData.item(rid, TestData.pizza(pizze, "Margherita"));
        Map<String, Object> hidden = TestData.pizza(pizze, "Off today");
        hidden.put("is_available", false);
        TestData.item(rid, hidden);

        given().get(MENU, rid).then().statusCode(200)
                .header("ETag", notNullValue())
                .body("restaurant.name", equalTo("Public menu"))
                .body("restaurant.currency", equalTo("EUR"))
                .body("categories", hasSize(1))
                .body("categories[0].name", equalTo("Pizze"))
                .body("categories[0].items.name", contains("Margherita"))
                .body("categories[0].items[0].price", equalTo(9.5f))
                .body("categories[0].items[0].allergens", contains("cereals_gluten", "milk"))
                .body("categories[0].items[0].dietary_tags", contains("vegetarian"))
                .body("categories[0].items[0].modifier_groups[0].options[1].price_delta", equalTo(2.0f))
                .body("categories[0].items[0].image_url", org.hamcrest.Matchers.nullValue());
        Assertions.assertNotNull(empty);
    }

    @Test
    void etagAnswers304AndTheCacheServesUntilAChange() {
        UUID rid = TestData.restaurant("Cached");
        UUID cat = TestData.category(rid, "Pizze");
        UUID item = TestData.item(rid, TestData.pizza(cat, "Margherita"));
        Response first = given().get(MENU, rid);
        first.then().statusCode(200).header("Cache-Control", equalTo("no-cache"));
        String etag = first.header("ETag");
        given().header("If-None-Match", etag).get(MENU, rid).then().statusCode(304).header("ETag", etag);
        given().header("If-None-Match", "W/" + etag).get(MENU, rid).then().statusCode(304);
        given().header("If-None-Match", "\"something-else\"").get(MENU, rid).then().statusCode(200);

        // a change behind the service's back is not seen: the menu comes from Redis...
        TestData.sql("update restaurant.menu_items set name = 'Sneaky' where id = '" + item + "'");
        given().get(MENU, rid).then().statusCode(200).header("ETag", etag)
                .body("categories[0].items[0].name", equalTo("Margherita"));
        // ...until a change through the API invalidates it
        as(TestTokens.admin(rid)).body(Map.of("name", "Pizze rosse")).put("/api/v1/restaurants/{rid}/categories/{id}",
                rid, cat).then().statusCode(200);
        Response after = given().header("If-None-Match", etag).get(MENU, rid);
        after.then().statusCode(200).body("categories[0].name", equalTo("Pizze rosse"))
                .body("categories[0].items[0].name", equalTo("Sneaky"));
        Assertions.assertNotEquals(etag, after.header("ETag"));
    }

    @Test
    void eightySixingRemovesTheItemAtOnceAndPublishesTheEvent() {
        UUID rid = TestData.restaurant("Eighty-six");
        UUID cat = TestData.category(rid, "Pizze");
        UUID margherita = TestData.item(rid, TestData.pizza(cat, "Margherita"));
        TestData.item(rid, TestData.pizza(cat, "Marinara"));
        given().get(MENU, rid).then().body("categories[0].items.name", contains("Margherita", "Marinara"));

        // the menu was built through the API: its category and items were announced as menu.changed
        long earlier = io.tavola.common.testkit.Tables.count(
                "select count(*) from restaurant.outbox_event where restaurant_id = '" + rid + "'");
        Assertions.assertEquals(3, earlier);
        try (RabbitQueue queue = RabbitQueue.bind("menu", "menu." + rid + ".#")) {
            as(TestTokens.chef(rid)).body(Map.of("is_available", false))
                    .put("/api/v1/restaurants/{rid}/menu-items/{id}/availability", rid, margherita)
                    .then().statusCode(200).body("is_available", equalTo(false));
            given().get(MENU, rid).then().statusCode(200).body("categories[0].items.name", contains("Marinara"));

            JsonNode event = queue.await(m -> m.path("data").path("menu_item_id").asText().equals(margherita.toString()),
                    Duration.ofSeconds(10));
            Assertions.assertEquals("menu.item_availability_changed", event.path("type").asText());
            Assertions.assertEquals(rid.toString(), event.path("restaurant_id").asText());
            Assertions.assertEquals("Margherita", event.path("data").path("name").asText());
            Assertions.assertFalse(event.path("data").path("is_available").asBoolean(true));
            Assertions.assertFalse(event.path("event_id").asText().isEmpty());
            Assertions.assertFalse(event.path("occurred_at").asText().isEmpty());
            // the restaurant's next event in the menu stream: a live screen can tell a missed one
            Assertions.assertEquals("menu", event.path("stream").asText());
            Assertions.assertEquals(earlier + 1, event.path("sequence").asLong());

            // back on through the item update: the menu shows it again and a second event says so
            Map<String, Object> body = TestData.pizza(cat, "Margherita");
            body.put("is_available", true);
            as(TestTokens.admin(rid)).get("/api/v1/restaurants/{rid}/menu-items/{id}", rid, margherita).then()
                    .statusCode(200);
            as(TestTokens.admin(rid)).body(body).put("/api/v1/restaurants/{rid}/menu-items/{id}", rid, margherita)
                    .then().statusCode(200);
            given().get(MENU, rid).then().body("categories[0].items.name", contains("Margherita", "Marinara"));
            JsonNode back = queue.await(m -> m.path("data").path("menu_item_id").asText().equals(margherita.toString())
                    && m.path("data").path("is_available").asBoolean(false), Duration.ofSeconds(10));
            Assertions.assertEquals(earlier + 2, back.path("sequence").asLong());
            // the edit is also a menu change, announced after the availability in the same transaction
            JsonNode edited = queue.await(m -> m.path("type").asText().equals("menu.changed")
                    && m.path("data").path("menu_item_id").asText().equals(margherita.toString()), Duration.ofSeconds(10));
            Assertions.assertEquals("item_changed", edited.path("data").path("change").asText());
            Assertions.assertEquals(earlier + 3, edited.path("sequence").asLong());

            // setting the same availability again is no change and announces nothing
            int before = queue.received().size();
            as(TestTokens.admin(rid)).body(Map.of("is_available", true))
                    .patch("/api/v1/restaurants/{rid}/menu-items/{id}/availability", rid, margherita)
                    .then().statusCode(200);
            org.awaitility.Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                    .until(() -> queue.received().size() == before);

            // deleting an available item takes it off live menus the same way
            as(TestTokens.admin(rid)).delete("/api/v1/restaurants/{rid}/menu-items/{id}", rid, margherita)
                    .then().statusCode(204);
            given().get(MENU, rid).then().body("categories[0].items.name", contains("Marinara"));
            queue.await(m -> m.path("data").path("menu_item_id").asText().equals(margherita.toString())
                    && !m.path("data").path("is_available").asBoolean(true), Duration.ofSeconds(10));
            queue.await(m -> m.path("data").path("change").asText().equals("item_removed")
                    && m.path("data").path("menu_item_id").asText().equals(margherita.toString()), Duration.ofSeconds(10));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(2))
                    .until(() -> queue.received().size() == before + 2);
        }
    }

    /** Issue 17, fault 9: new items and price changes reached open menus only after a reload. */
    @Test
    void everyChangeDinersSeeIsAnnouncedAsMenuChangedInItsTransaction() {
        UUID rid = TestData.restaurant("Live menu");
        UUID cat = TestData.category(rid, "Pizze");
        try (RabbitQueue queue = RabbitQueue.bind("menu", "menu." + rid + ".changed")) {
            UUID item = TestData.item(rid, TestData.pizza(cat, "Diavola"));
            JsonNode added = queue.await(m -> m.path("data").path("menu_item_id").asText().equals(item.toString()),
                    Duration.ofSeconds(10));
            Assertions.assertEquals("menu.changed", added.path("type").asText());
            Assertions.assertEquals("item_added", added.path("data").path("change").asText());
            Assertions.assertEquals(rid.toString(), added.path("restaurant_id").asText());

            Map<String, Object> repriced = TestData.pizza(cat, "Diavola");
            repriced.put("price", 12.5);
            as(TestTokens.admin(rid)).body(repriced).put("/api/v1/restaurants/{rid}/menu-items/{id}", rid, item)
                    .then().statusCode(200);
            queue.await(m -> m.path("data").path("change").asText().equals("item_changed"), Duration.ofSeconds(10));
            given().get(MENU, rid).then().body("categories[0].items[0].price", equalTo(12.5f));

            as(TestTokens.admin(rid)).body(Map.of("name", "Pizze rosse"))
                    .put("/api/v1/restaurants/{rid}/categories/{id}", rid, cat).then().statusCode(200);
            JsonNode renamed = queue.await(m -> m.path("data").path("change").asText().equals("category_changed"),
                    Duration.ofSeconds(10));
            Assertions.assertEquals(cat.toString(), renamed.path("data").path("category_id").asText());

            // a refused change announces nothing
            as(TestTokens.chef(rid)).body(repriced).put("/api/v1/restaurants/{rid}/menu-items/{id}", rid, item)
                    .then().statusCode(403);
            as(TestTokens.admin(UUID.randomUUID())).body(repriced)
                    .put("/api/v1/restaurants/{rid}/menu-items/{id}", rid, item).then().statusCode(404);
            Assertions.assertEquals(4, io.tavola.common.testkit.Tables.count(
                    "select count(*) from restaurant.outbox_event where restaurant_id = '" + rid + "' and type = 'menu.changed'"));
        }
    }

    @Test
    void deactivatedOrUnknownRestaurantHasNoPublicMenu() {
        UUID rid = TestData.restaurant("Closing down");
        UUID cat = TestData.category(rid, "Pizze");
        TestData.item(rid, TestData.pizza(cat, "Margherita"));
        given().get(MENU, rid).then().statusCode(200);
        as(TestTokens.master()).body(Map.of("is_active", false)).patch("/api/v1/restaurants/{rid}", rid).then()
                .statusCode(200).body("is_active", equalTo(false));
        given().get(MENU, rid).then().statusCode(404).contentType("application/problem+json");
        given().get(MENU, UUID.randomUUID()).then().statusCode(404);
        as(TestTokens.master()).body(Map.of("is_active", true)).patch("/api/v1/restaurants/{rid}", rid).then()
                .statusCode(200);
        given().get(MENU, rid).then().statusCode(200).body("categories[0].items.name", contains("Margherita"));
    }
}
