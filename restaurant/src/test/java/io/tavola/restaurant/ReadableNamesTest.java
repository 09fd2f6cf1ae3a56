package io.tavola.restaurant;

import static io.tavola.restaurant.TestData.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.tavola.common.testkit.Tables;
import io.tavola.common.testkit.TestTokens;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** Names need a letter or a digit: a restaurant called "?" could be created (issue 17). */
@QuarkusTest
class ReadableNamesTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String MESSAGE = "must contain at least one letter or digit";

    private static Map<String, Object> restaurant(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("currency", "EUR");
        body.put("time_zone", "Europe/Rome");
        return body;
    }

    @Test
    void aRestaurantNeedsALetterOrDigit() {
        long before = Tables.count("select count(*) from restaurant.restaurants");
        for (String name : new String[] { "?", "---", " ?! ", "…" }) {
            as(TestTokens.master()).body(restaurant(name)).post("/api/v1/restaurants").then().statusCode(400)
                    .contentType(PROBLEM).body("errors.field", hasItem("name"))
                    .body("errors.message", hasItem(MESSAGE));
        }
        Assertions.assertEquals(before, Tables.count("select count(*) from restaurant.restaurants"));
        // any script counts, and so does a digit
        for (String name : new String[] { "Café ?", "東京", "7", "Ταβέρνα!" }) {
            as(TestTokens.master()).body(restaurant(name)).post("/api/v1/restaurants").then().statusCode(201)
                    .body("name", equalTo(name));
        }
        UUID rid = TestData.restaurant("Renamed later");
        as(TestTokens.admin(rid)).body(Map.of("name", "??")).patch("/api/v1/restaurants/{rid}", rid).then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("name"));
        as(TestTokens.admin(rid)).get("/api/v1/restaurants/{rid}", rid).then().body("name", equalTo("Renamed later"));
    }

    @Test
    void categoriesItemsAndTablesToo() {
        UUID rid = TestData.restaurant("Names");
        String admin = TestTokens.admin(rid);
        as(admin).body(Map.of("name", "?")).post("/api/v1/restaurants/{rid}/categories", rid).then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("name"));
        UUID category = TestData.category(rid, "Pizze");
        as(admin).body(Map.of("name", "!!")).put("/api/v1/restaurants/{rid}/categories/{id}", rid, category).then()
                .statusCode(400).body("errors.field", hasItem("name"));
        Map<String, Object> item = TestData.pizza(category, "?");
        as(admin).body(item).post("/api/v1/restaurants/{rid}/menu-items", rid).then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("name"));
        as(admin).body(Map.of("table_number", "-", "capacity", 2)).post("/api/v1/restaurants/{rid}/tables", rid)
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("table_number"));
        as(admin).body(Map.of("table_number", "4", "label", "??", "capacity", 2))
                .post("/api/v1/restaurants/{rid}/tables", rid).then().statusCode(400)
                .body("errors.field", hasItem("label"));
        // a blank label still means "Table <number>"
        as(admin).body(Map.of("table_number", "4", "label", "", "capacity", 2))
                .post("/api/v1/restaurants/{rid}/tables", rid).then().statusCode(201).body("label", equalTo("Table 4"));
        Assertions.assertEquals(1, Tables.count("select count(*) from restaurant.categories where restaurant_id = '"
                + rid + "'"));
    }
}
