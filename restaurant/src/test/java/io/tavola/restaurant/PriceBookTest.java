package io.tavola.restaurant;

import static io.restassured.RestAssured.given;
import static io.tavola.restaurant.TestData.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tavola.common.menu.PriceBook;
import io.tavola.common.menu.Quote;
import io.tavola.common.testkit.TestTokens;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The orders service prices from the price book: it must answer every quote exactly as the service does. */
@QuarkusTest
class PriceBookTest {

    private static final String BOOK = "/internal/v1/restaurants/{rid}/price-book";
    private static final String QUOTE = "/api/v1/restaurants/{rid}/menu/quote";

    @Inject
    ObjectMapper json;

    private static Quote.RequestLine line(Object itemId, Object... optionIds) {
        return new Quote.RequestLine(UUID.fromString(itemId.toString()),
                List.of(optionIds).stream().map(o -> UUID.fromString(o.toString())).toList());
    }

    private PriceBook book(UUID rid) throws Exception {
        return json.readValue(given().get(BOOK, rid).then().statusCode(200).extract().asString(), PriceBook.class);
    }

    private void assertSameAnswer(UUID rid, PriceBook book, List<Quote.RequestLine> lines) throws Exception {
        String served = given().contentType(ContentType.JSON).body(json.writeValueAsString(new Quote.Request(lines)))
                .post(QUOTE, rid).then().statusCode(200).extract().asString();
        JsonNode local = json.readTree(json.writeValueAsString(book.quote(new Quote.Request(lines))));
        assertEquals(json.readTree(served), local, "the book priced " + lines + " differently");
    }

    @Test
    void theBookPricesEveryLineAsTheQuoteDoes() throws Exception {
        UUID rid = TestData.restaurant("Book");
        UUID cat = TestData.category(rid, "Pizze");
        UUID pizza = TestData.item(rid, TestData.pizza(cat, "Margherita"));
        UUID water = TestData.item(rid, new HashMap<>(Map.of("category_id", cat.toString(), "name", "Acqua",
                "price", 2.00)));
        as(TestTokens.chef(rid)).body(Map.of("is_available", false))
                .put("/api/v1/restaurants/{rid}/menu-items/{id}/availability", rid, water).then().statusCode(200);
        JsonPath item = as(TestTokens.admin(rid)).get("/api/v1/restaurants/{rid}/menu-items/{id}", rid, pizza)
                .then().extract().jsonPath();
        String regular = item.getString("modifier_groups[0].options[0].id");
        String large = item.getString("modifier_groups[0].options[1].id");
        List<String> extras = item.getList("modifier_groups[1].options.id");
        UUID other = TestData.restaurant("Another book");
        UUID foreign = TestData.item(other, TestData.pizza(TestData.category(other, "Pizze"), "Foreign"));

        PriceBook book = book(rid);
        assertEquals(2, book.items().size(), "every item, the 86'd one too, and none of another restaurant's");
        List<List<Quote.RequestLine>> requests = new ArrayList<>(List.of(
                List.of(line(pizza, large, extras.get(0)), line(pizza, regular)),
                List.of(line(pizza)),
                List.of(line(pizza, regular, extras.get(0), extras.get(1), extras.get(2), extras.get(3))),
                List.of(line(pizza, regular, regular)),
                List.of(line(pizza, regular, large)),
                List.of(line(pizza, regular, UUID.randomUUID())),
                List.of(line(water), line(water, regular)),
                List.of(line(UUID.randomUUID()), line(foreign), line(pizza, large))));
        for (List<Quote.RequestLine> lines : requests) {
            assertSameAnswer(rid, book, lines);
        }

        as(TestTokens.master()).body(Map.of("is_active", false)).patch("/api/v1/restaurants/{rid}", rid).then()
                .statusCode(200);
        PriceBook closed = book(rid);
        assertEquals(false, closed.restaurant().isActive());
        assertSameAnswer(rid, closed, List.of(line(pizza, regular)));
    }

    @Test
    void everyChangeThatAQuoteSeesGivesTheBookANewVersion() throws Exception {
        UUID rid = TestData.restaurant("Versions");
        UUID cat = TestData.category(rid, "Pizze");
        UUID pizza = TestData.item(rid, TestData.pizza(cat, "Margherita"));
        PriceBook before = book(rid);
        assertNotNull(before.version());
        assertEquals(before.version(), book(rid).version(), "no change, same version");

        Map<String, Object> dearer = TestData.pizza(cat, "Margherita");
        dearer.put("price", 11.00);
        as(TestTokens.admin(rid)).body(dearer).put("/api/v1/restaurants/{rid}/menu-items/{id}", rid, pizza).then()
                .statusCode(200);
        PriceBook repriced = book(rid);
        assertNotEquals(before.version(), repriced.version());
        assertEquals(0, repriced.items().get(0).price().compareTo(new java.math.BigDecimal("11.00")));

        as(TestTokens.chef(rid)).body(Map.of("is_available", false))
                .put("/api/v1/restaurants/{rid}/menu-items/{id}/availability", rid, pizza).then().statusCode(200);
        PriceBook eightySixed = book(rid);
        assertNotEquals(repriced.version(), eightySixed.version());
        assertEquals(false, eightySixed.items().get(0).isAvailable());

        as(TestTokens.admin(rid)).body(Map.of("order_confirmation_required", false))
                .patch("/api/v1/restaurants/{rid}", rid).then().statusCode(200);
        PriceBook settings = book(rid);
        assertNotEquals(eightySixed.version(), settings.version());
        assertEquals(false, settings.restaurant().orderConfirmationRequired());
    }

    @Test
    void theBookIsNotPartOfThePublicApiDescription() {
        String document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(document.contains("/internal/"), "an internal path is described");
        org.junit.jupiter.api.Assertions.assertFalse(document.contains("\"PriceBook"), "the book's schema is described");
    }

    @Test
    void anUnknownRestaurantHasNoBook() {
        given().get(BOOK, UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        given().get(BOOK, "not-a-uuid").then().statusCode(404);
    }
}
