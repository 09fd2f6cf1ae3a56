package io.tavola.restaurant;

import static io.restassured.RestAssured.given;
import static io.tavola.restaurant.TestData.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tavola.common.testkit.TestTokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The packaged service, walked in the order a restaurant goes live: set up, print a QR code, a diner
 * scans it and reads the menu, orders is priced, the kitchen runs out of something.
 */
@QuarkusIntegrationTest
class DinerJourneyIT {

    @Test
    void fromSetUpToAnEightySixedItem() {
        UUID rid = TestData.restaurant("Journey Trattoria");
        UUID cat = TestData.category(rid, "Pizze");
        UUID pizza = TestData.item(rid, TestData.pizza(cat, "Margherita"));
        UUID table = TestData.table(rid, "4");
        String token = as(TestTokens.admin(rid)).get("/api/v1/restaurants/{rid}/tables/{id}", rid, table).then()
                .statusCode(200).extract().path("qr_token");

        given().get("/api/v1/tables/{token}", token).then().statusCode(200)
                .body("restaurant_id", equalTo(rid.toString())).body("table_id", equalTo(table.toString()))
                .body("label", equalTo("Table 4"));
        given().get("/api/v1/restaurants/{rid}/menu", rid).then().statusCode(200)
                .body("categories[0].items.name", contains("Margherita"));

        JsonPath item = as(TestTokens.waiter(rid)).get("/api/v1/restaurants/{rid}/menu-items/{id}", rid, pizza)
                .then().statusCode(200).extract().jsonPath();
        String large = item.getString("modifier_groups[0].options[1].id");
        given().contentType(ContentType.JSON)
                .body(Map.of("lines", List.of(Map.of("menu_item_id", pizza.toString(),
                        "modifier_option_ids", List.of(large)))))
                .post("/api/v1/restaurants/{rid}/menu/quote", rid).then().statusCode(200)
                .body("lines[0].unit_price", equalTo(9.5f))
                .body("lines[0].modifiers[0].price_delta", equalTo(2.0f))
                .body("lines[0].error", equalTo(null));

        as(TestTokens.chef(rid)).body(Map.of("is_available", false))
                .put("/api/v1/restaurants/{rid}/menu-items/{id}/availability", rid, pizza).then().statusCode(200);
        given().get("/api/v1/restaurants/{rid}/menu", rid).then().statusCode(200)
                .body("categories.size()", equalTo(0));
    }
}
