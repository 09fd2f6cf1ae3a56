package io.tavola.restaurant;

import static io.restassured.RestAssured.given;
import static io.tavola.restaurant.TestData.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tavola.common.testkit.TestTokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class QuoteTest {

    private static final String QUOTE = "/api/v1/restaurants/{rid}/menu/quote";

    private static Map<String, Object> line(Object itemId, Object... optionIds) {
        return Map.of("menu_item_id", itemId.toString(),
                "modifier_option_ids", List.of(optionIds).stream().map(Object::toString).toList());
    }

    @Test
    void quotesAuthoritativePricesAndChecksModifierRulesLineByLine() {
        UUID rid = TestData.restaurant("Quoting");
        UUID cat = TestData.category(rid, "Pizze");
        UUID pizza = TestData.item(rid, TestData.pizza(cat, "Margherita"));
        JsonPath item = as(TestTokens.admin(rid)).get("/api/v1/restaurants/{rid}/menu-items/{id}", rid, pizza)
                .then().extract().jsonPath();
        String sizeGroup = item.getString("modifier_groups[0].id");
        String regular = item.getString("modifier_groups[0].options[0].id");
        String large = item.getString("modifier_groups[0].options[1].id");
        List<String> extras = item.getList("modifier_groups[1].options.id");
        UUID b = TestData.restaurant("Other");
        UUID foreign = TestData.item(b, TestData.pizza(TestData.category(b, "Pizze"), "Foreign"));

        given().contentType(ContentType.JSON).body(Map.of("lines", List.of(
                line(pizza, large, extras.get(0)),
                line(pizza),
                line(pizza, regular, extras.get(0), extras.get(1), extras.get(2), extras.get(3)),
                line(UUID.randomUUID()),
                line(foreign),
                line(pizza, regular, UUID.randomUUID()),
                line(pizza, regular, large))))
                .post(QUOTE, rid).then().statusCode(200)
                .body("restaurant.id", equalTo(rid.toString()))
                .body("restaurant.name", equalTo("Quoting"))
                .body("restaurant.currency", equalTo("EUR"))
                .body("restaurant.time_zone", equalTo("Europe/Rome"))
                .body("restaurant.is_active", equalTo(true))
                .body("restaurant.order_confirmation_required", equalTo(true))
                .body("restaurant.service_request_cooldown_seconds", equalTo(120))
                .body("lines", hasSize(7))
                .body("lines[0].menu_item_id", equalTo(pizza.toString()))
                .body("lines[0].name", equalTo("Margherita"))
                .body("lines[0].unit_price", equalTo(9.5f))
                .body("lines[0].is_available", equalTo(true))
                .body("lines[0].preparation_minutes", equalTo(12))
                .body("lines[0].modifiers.option_name", contains("Large", "Olives"))
                .body("lines[0].modifiers[0].group_id", equalTo(sizeGroup))
                .body("lines[0].modifiers[0].group_name", equalTo("Size"))
                .body("lines[0].modifiers[0].price_delta", equalTo(2.0f))
                .body("lines[0].error", nullValue())
                .body("lines[1].error", equalTo("Size: choose exactly 1"))
                .body("lines[2].error", equalTo("Extras: choose at most 3"))
                .body("lines[3].error", equalTo("unknown menu item"))
                .body("lines[4].error", equalTo("unknown menu item"))
                .body("lines[5].error", equalTo("unknown modifier option"))
                .body("lines[6].error", equalTo("Size: choose exactly 1"));
    }

    @Test
    void eightySixedItemAndDeactivatedRestaurantAreReportedNotRefused() {
        UUID rid = TestData.restaurant("Quote states");
        UUID cat = TestData.category(rid, "Bevande");
        Map<String, Object> water = new java.util.HashMap<>(Map.of("category_id", cat.toString(), "name", "Acqua",
                "price", 2.00));
        UUID id = TestData.item(rid, water);
        as(TestTokens.chef(rid)).body(Map.of("is_available", false))
                .put("/api/v1/restaurants/{rid}/menu-items/{id}/availability", rid, id).then().statusCode(200);
        as(TestTokens.master()).body(Map.of("is_active", false)).patch("/api/v1/restaurants/{rid}", rid).then()
                .statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("lines", List.of(line(id)))).post(QUOTE, rid).then()
                .statusCode(200)
                .body("restaurant.is_active", equalTo(false))
                .body("lines[0].is_available", equalTo(false))
                .body("lines[0].unit_price", equalTo(2.0f))
                .body("lines[0].modifiers", hasSize(0))
                .body("lines[0].error", nullValue());
        given().contentType(ContentType.JSON).body(Map.of("lines", List.of(line(id)))).post(QUOTE, UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void badQuoteRequestsAre400NamingTheField() {
        UUID rid = TestData.restaurant("Quote input");
        given().contentType(ContentType.JSON).body(Map.of("lines", List.of())).post(QUOTE, rid).then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("lines"));
        given().contentType(ContentType.JSON).body("{\"lines\": [{\"modifier_option_ids\": []}]}").post(QUOTE, rid)
                .then().statusCode(400).body("errors.field", hasItem("lines[0].menu_item_id"));
        given().contentType(ContentType.JSON).body("{\"lines\": [{\"menu_item_id\": \"pizza\"}]}").post(QUOTE, rid)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("lines[0].menu_item_id"));
        given().contentType(ContentType.JSON)
                .body("{\"lines\": [{\"menu_item_id\": \"" + UUID.randomUUID() + "\", \"modifier_option_ids\": [\""
                        + UUID.randomUUID() + "\", null]}]}")
                .post(QUOTE, rid).then().statusCode(400).body("errors.field", hasItem("lines[0].modifier_option_ids[1]"));
        given().contentType(ContentType.JSON).body("{\"lines\": [").post(QUOTE, rid).then().statusCode(400)
                .contentType("application/problem+json");
    }
}
