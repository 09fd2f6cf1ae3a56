package io.tavola.restaurant;

import static io.tavola.restaurant.TestData.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tavola.common.testkit.Tables;
import io.tavola.common.testkit.TestTokens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MenuItemResourceTest {

    private static final String PATH = "/api/v1/restaurants/{rid}/menu-items";
    private static final String PROBLEM = "application/problem+json";

    @Test
    void itemCarriesPriceModifiersTagsAndAllergens() {
        UUID rid = TestData.restaurant("Items");
        UUID cat = TestData.category(rid, "Pizze");
        String location = as(TestTokens.admin(rid)).body(TestData.pizza(cat, "Margherita")).post(PATH, rid)
                .then().statusCode(201).header("Location", containsString("/menu-items/"))
                .body("price", equalTo(9.5f))
                .body("is_available", equalTo(true))
                .body("preparation_minutes", equalTo(12))
                .body("dietary_tags", contains("vegetarian"))
                .body("allergens", contains("cereals_gluten", "milk"))
                .body("modifier_groups.name", contains("Size", "Extras"))
                .body("modifier_groups[0].min_select", equalTo(1))
                .body("modifier_groups[1].max_select", equalTo(3))
                .body("modifier_groups[0].options.name", contains("Regular", "Large"))
                .body("modifier_groups[0].options[1].price_delta", equalTo(2.0f))
                .extract().header("Location");
        // money is exact: stored numeric(12,2), never a float
        Assertions.assertEquals(1, Tables.count(
                "select count(*) from restaurant.menu_items where restaurant_id = '" + rid + "' and price = 9.50"));
        for (String token : new String[] { TestTokens.chef(rid), TestTokens.waiter(rid), TestTokens.master() }) {
            as(token).get(location).then().statusCode(200).body("name", equalTo("Margherita"));
            as(token).get(PATH, rid).then().statusCode(200).body("total", equalTo(1));
        }
        as(TestTokens.waiter(rid)).queryParam("category_id", UUID.randomUUID().toString()).get(PATH, rid)
                .then().statusCode(200).body("total", equalTo(0));
        as(TestTokens.waiter(rid)).queryParam("category_id", cat.toString()).get(PATH, rid)
                .then().statusCode(200).body("total", equalTo(1));
        as(TestTokens.waiter(rid)).queryParam("category_id", "pizze").get(PATH, rid)
                .then().statusCode(400).body("errors[0].field", equalTo("category_id"));
        // a master admin asking about a restaurant that does not exist
        UUID unknown = UUID.randomUUID();
        as(TestTokens.master()).get(PATH, unknown).then().statusCode(404);
        as(TestTokens.master()).get("/api/v1/restaurants/{rid}/categories", unknown).then().statusCode(404);
        as(TestTokens.master()).get("/api/v1/restaurants/{rid}/tables", unknown).then().statusCode(404);
        as(TestTokens.master()).body(Map.of("name", "Orphan")).post("/api/v1/restaurants/{rid}/categories", unknown)
                .then().statusCode(404);
    }

    @Test
    void updateKeepsModifierIdsThatAreSentBack() {
        UUID rid = TestData.restaurant("Update items");
        UUID cat = TestData.category(rid, "Pizze");
        UUID other = TestData.category(rid, "Specials");
        UUID id = TestData.item(rid, TestData.pizza(cat, "Diavola"));
        JsonPath before = as(TestTokens.admin(rid)).get(PATH + "/{id}", rid, id).then().extract().jsonPath();
        String sizeGroup = before.getString("modifier_groups[0].id");
        String large = before.getString("modifier_groups[0].options[1].id");

        Map<String, Object> body = TestData.pizza(other, "Diavola piccante");
        Map<String, Object> size = TestData.group("Size", 1, 1, TestData.option("Large", 2.50),
                TestData.option("Family", 6.00));
        size.put("id", sizeGroup);
        ((Map<String, Object>) ((List<?>) size.get("options")).get(0)).put("id", large);
        body.put("modifier_groups", List.of(size));
        body.put("price", new java.math.BigDecimal("11.00")); // money is a JSON number (a string is a 400)
        body.put("dietary_tags", List.of("spicy"));
        body.put("allergens", List.of());
        as(TestTokens.admin(rid)).body(body).put(PATH + "/{id}", rid, id).then().statusCode(200)
                .body("name", equalTo("Diavola piccante"))
                .body("category_id", equalTo(other.toString()))
                .body("price", equalTo(11.0f))
                .body("dietary_tags", contains("spicy"))
                .body("allergens", hasSize(0))
                .body("modifier_groups", hasSize(1))
                .body("modifier_groups[0].id", equalTo(sizeGroup))
                .body("modifier_groups[0].options[0].id", equalTo(large))
                .body("modifier_groups[0].options[0].price_delta", equalTo(2.5f))
                .body("modifier_groups[0].options.name", contains("Large", "Family"));
        Assertions.assertEquals(1, Tables.count("select count(*) from restaurant.modifier_groups where menu_item_id = '"
                + id + "'"));
        Assertions.assertEquals(2, Tables.count("select count(*) from restaurant.modifier_options o join "
                + "restaurant.modifier_groups g on g.id = o.group_id where g.menu_item_id = '" + id + "'"));

        // an id that is not one of this item's groups is refused
        Map<String, Object> foreign = TestData.group("Size", 1, 1, TestData.option("Large", 2.50));
        foreign.put("id", UUID.randomUUID().toString());
        body.put("modifier_groups", List.of(foreign));
        as(TestTokens.admin(rid)).body(body).put(PATH + "/{id}", rid, id).then().statusCode(400)
                .body("errors[0].field", equalTo("modifier_groups[0].id"));
    }

    @Test
    void onlyAdminsEditAndChefsMay86() {
        UUID rid = TestData.restaurant("Roles");
        UUID cat = TestData.category(rid, "Pizze");
        UUID id = TestData.item(rid, TestData.pizza(cat, "Marinara"));
        for (String token : new String[] { TestTokens.chef(rid), TestTokens.waiter(rid),
                TestTokens.guest(rid, UUID.randomUUID()) }) {
            as(token).body(TestData.pizza(cat, "Renamed")).post(PATH, rid).then().statusCode(403).contentType(PROBLEM);
            as(token).body(TestData.pizza(cat, "Renamed")).put(PATH + "/{id}", rid, id).then().statusCode(403);
            as(token).delete(PATH + "/{id}", rid, id).then().statusCode(403);
        }
        as(TestTokens.waiter(rid)).body(Map.of("is_available", false)).put(PATH + "/{id}/availability", rid, id)
                .then().statusCode(403);
        as(TestTokens.chef(rid)).body(Map.of("is_available", false)).patch(PATH + "/{id}/availability", rid, id)
                .then().statusCode(200).body("is_available", equalTo(false));
        as(TestTokens.admin(rid)).delete(PATH + "/{id}", rid, id).then().statusCode(204);
        as(TestTokens.admin(rid)).get(PATH + "/{id}", rid, id).then().statusCode(404);
        Assertions.assertEquals(0, Tables.count("select count(*) from restaurant.modifier_groups where menu_item_id = '"
                + id + "'"));
    }

    @Test
    void otherRestaurantsCallersGet404AndChangeNothing() {
        UUID a = TestData.restaurant("Items A");
        UUID b = TestData.restaurant("Items B");
        UUID cat = TestData.category(a, "Pizze");
        UUID catB = TestData.category(b, "Pizze");
        UUID id = TestData.item(a, TestData.pizza(cat, "Capricciosa"));
        for (String token : TestData.outsiders(b)) {
            as(token).get(PATH, a).then().statusCode(404).contentType(PROBLEM);
            as(token).get(PATH + "/{id}", a, id).then().statusCode(404);
            as(token).body(TestData.pizza(cat, "Injected")).post(PATH, a).then().statusCode(404);
            as(token).body(TestData.pizza(cat, "Renamed")).put(PATH + "/{id}", a, id).then().statusCode(404);
            as(token).body(Map.of("is_available", false)).put(PATH + "/{id}/availability", a, id).then()
                    .statusCode(404);
            as(token).body(Map.of("is_available", false)).patch(PATH + "/{id}/availability", a, id).then()
                    .statusCode(404);
            as(token).contentType("image/png").body(Images.png()).put(PATH + "/{id}/image", a, id).then()
                    .statusCode(404);
            as(token).delete(PATH + "/{id}/image", a, id).then().statusCode(404);
            as(token).delete(PATH + "/{id}", a, id).then().statusCode(404);
        }
        // B's admin reaching A's item through B's own path, or filing an item under A's category
        as(TestTokens.admin(b)).get(PATH + "/{id}", b, id).then().statusCode(404);
        as(TestTokens.admin(b)).body(Map.of("is_available", false)).put(PATH + "/{id}/availability", b, id).then()
                .statusCode(404);
        as(TestTokens.admin(b)).body(TestData.pizza(cat, "Sneaky")).post(PATH, b).then().statusCode(400)
                .body("errors[0].field", equalTo("category_id"));
        as(TestTokens.admin(b)).body(TestData.pizza(catB, "Renamed")).put(PATH + "/{id}", b, id).then()
                .statusCode(404);
        as(TestTokens.admin(a)).get(PATH + "/{id}", a, id).then().statusCode(200)
                .body("name", equalTo("Capricciosa")).body("is_available", equalTo(true))
                .body("image_url", org.hamcrest.Matchers.nullValue());
        Assertions.assertEquals(1, Tables.count("select count(*) from restaurant.menu_items where restaurant_id = '"
                + a + "'"));
        Assertions.assertEquals(0, Tables.count("select count(*) from restaurant.menu_items where restaurant_id = '"
                + b + "'"));
    }

    @Test
    void badPricesCategoriesModifiersAndVocabularyAre400() {
        UUID rid = TestData.restaurant("Bad items");
        UUID cat = TestData.category(rid, "Pizze");
        expectField(rid, with(TestData.pizza(cat, "X"), "price", 9.999), "price");
        expectField(rid, with(TestData.pizza(cat, "X"), "price", -1), "price");
        expectField(rid, with(TestData.pizza(cat, "X"), "price", null), "price");
        expectField(rid, with(TestData.pizza(cat, "X"), "category_id", UUID.randomUUID().toString()), "category_id");
        expectField(rid, with(TestData.pizza(cat, "X"), "dietary_tags", List.of("vegan", "paleo")), "dietary_tags[1]");
        expectField(rid, with(TestData.pizza(cat, "X"), "allergens", List.of("milk", "gluten")), "allergens[1]");
        expectField(rid, with(TestData.pizza(cat, "X"), "preparation_minutes", -3), "preparation_minutes");
        expectField(rid, with(TestData.pizza(cat, "X"), "modifier_groups",
                List.of(TestData.group("Extras", 3, 1, TestData.option("A", 1), TestData.option("B", 1),
                        TestData.option("C", 1)))), "modifier_groups[0].min_select");
        expectField(rid, with(TestData.pizza(cat, "X"), "modifier_groups",
                List.of(TestData.group("Sauce", 2, 2, TestData.option("Only one", 0)))),
                "modifier_groups[0].min_select");
        expectField(rid, with(TestData.pizza(cat, "X"), "modifier_groups",
                List.of(TestData.group("Extras", 0, 2, TestData.option("A", 1.005)))),
                "modifier_groups[0].options[0].price_delta");
        expectField(rid, with(TestData.pizza(cat, "X"), "modifier_groups",
                List.of(TestData.group("Extras", 0, 2, TestData.option("A", -0.5)))),
                "modifier_groups[0].options[0].price_delta");
        expectField(rid, with(TestData.pizza(cat, "X"), "modifier_groups",
                List.of(TestData.group("Empty", 0, 1))), "modifier_groups[0].options");
        // a string where a number belongs, and a body that is not JSON at all
        as(TestTokens.admin(rid)).body("{\"category_id\": \"" + cat + "\", \"name\": \"X\", \"price\": \"cheap\"}")
                .post(PATH, rid).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("price"));
        as(TestTokens.admin(rid)).body("{\"category_id\": \"not-a-uuid\", \"name\": \"X\", \"price\": 1}")
                .post(PATH, rid).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("category_id"));
        // JSON that does not even parse cannot name a field: problem+json "malformed-json"
        as(TestTokens.admin(rid)).body("{\"name\": \"X\", \"price\": 9.5,,}").post(PATH, rid).then()
                .statusCode(400).contentType(PROBLEM).body("type", org.hamcrest.Matchers.endsWith("/malformed-json"));
        // a malformed value deep inside the body is named by its full path
        as(TestTokens.admin(rid)).body("{\"category_id\": \"" + cat + "\", \"name\": \"X\", \"price\": 1, "
                + "\"modifier_groups\": [{\"name\": \"Size\", \"min_select\": 1, \"max_select\": 1, "
                + "\"options\": [{\"name\": \"L\", \"price_delta\": \"2,50\"}]}]}")
                .post(PATH, rid).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("modifier_groups[0].options[0].price_delta"));
        Assertions.assertEquals(0, Tables.count("select count(*) from restaurant.menu_items where restaurant_id = '"
                + rid + "'"));

        UUID id = TestData.item(rid, TestData.pizza(cat, "Valid"));
        as(TestTokens.admin(rid)).body(with(TestData.pizza(cat, "Valid"), "price", 1.234)).put(PATH + "/{id}", rid, id)
                .then().statusCode(400).body("errors.field", hasItem("price"));
        as(TestTokens.admin(rid)).body(Map.of()).put(PATH + "/{id}/availability", rid, id).then().statusCode(400)
                .body("errors.field", hasItem("is_available"));
        as(TestTokens.admin(rid)).body("{\"is_available\": \"nope\"}").put(PATH + "/{id}/availability", rid, id)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("is_available"));
        as(TestTokens.admin(rid)).get(PATH + "/{id}", rid, id).then().body("price", equalTo(9.5f))
                .body("is_available", equalTo(true));
    }

    private static void expectField(UUID rid, Map<String, Object> body, String field) {
        as(TestTokens.admin(rid)).body(body).post(PATH, rid).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem(field));
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(key, value);
        return copy;
    }
}
