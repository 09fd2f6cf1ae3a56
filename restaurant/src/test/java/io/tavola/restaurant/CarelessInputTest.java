package io.tavola.restaurant;

import static io.restassured.RestAssured.given;
import static io.tavola.restaurant.TestData.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.tavola.common.testkit.Tables;
import io.tavola.common.testkit.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, faults 5 and 9 in the restaurant service: NUL characters in free text and keys given twice were
 * 500s, unknown fields were silently ignored, the API description spoke camelCase. All 400s now, changing
 * nothing; the description says what the service reads.
 */
@QuarkusTest
class CarelessInputTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void aNulInAnyNameOrDescriptionIsA400NamingTheField() {
        UUID rid = TestData.restaurant("Nul Bistro");
        UUID category = TestData.category(rid, "Pizze");
        UUID table = TestData.table(rid, "7");
        String admin = TestTokens.admin(rid);
        String nul = "\"Piz\\u0000ze\"";
        as(admin).body("{\"name\": " + nul + "}").post("/api/v1/restaurants/{rid}/categories", rid)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("name"));
        as(admin).body("{\"name\": \"Antipasti\", \"description\": " + nul + "}")
                .post("/api/v1/restaurants/{rid}/categories", rid)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("description"));
        as(admin).body("{\"category_id\": \"" + category + "\", \"name\": " + nul + ", \"price\": 9.5}")
                .post("/api/v1/restaurants/{rid}/menu-items", rid)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("name"));
        as(admin).body("{\"category_id\": \"" + category + "\", \"name\": \"Margherita\", \"price\": 9.5, "
                + "\"modifier_groups\": [{\"name\": \"Size\", \"min_select\": 0, \"max_select\": 1, "
                + "\"options\": [{\"name\": " + nul + ", \"price_delta\": 0}]}]}")
                .post("/api/v1/restaurants/{rid}/menu-items", rid)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("modifier_groups[0].options[0].name"));
        as(admin).body("{\"table_number\": " + nul + ", \"capacity\": 2}").post("/api/v1/restaurants/{rid}/tables", rid)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("table_number"));
        as(admin).body("{\"name\": " + nul + "}").patch("/api/v1/restaurants/{rid}", rid)
                .then().statusCode(400).contentType(PROBLEM);
        // in the path: the public QR lookup compared it with the database
        given().get("/api/v1/tables/ab%00cd").then().statusCode(400).contentType(PROBLEM);
        Assertions.assertEquals(1, Tables.count("select count(*) from restaurant.categories where restaurant_id = '" + rid + "'"));
        Assertions.assertEquals(0, Tables.count("select count(*) from restaurant.menu_items where restaurant_id = '" + rid + "'"));
        Assertions.assertEquals(1, Tables.count("select count(*) from restaurant.dining_tables where restaurant_id = '" + rid + "'"));
        as(admin).get("/api/v1/restaurants/{rid}/tables/{id}", rid, table).then().statusCode(200)
                .body("table_number", equalTo("7"));
    }

    @Test
    void aKeyGivenTwiceIsA400() {
        UUID rid = TestData.restaurant("Twice Bistro");
        UUID table = TestData.table(rid, "1");
        // a one-field record gave Jackson's InvalidDefinitionException: a 500 with an empty body
        as(TestTokens.admin(rid)).body("{\"status\": \"occupied\", \"status\": \"available\"}")
                .put("/api/v1/restaurants/{rid}/tables/{id}/status", rid, table)
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("'status'"));
        as(TestTokens.admin(rid)).body("{\"name\": \"A\", \"name\": \"B\"}").post("/api/v1/restaurants/{rid}/categories", rid)
                .then().statusCode(400).contentType(PROBLEM);
        Assertions.assertEquals(0, Tables.count("select count(*) from restaurant.categories where restaurant_id = '" + rid + "'"));
    }

    @Test
    void aCamelCaseOrUnknownFieldIsRefusedNotIgnored() {
        UUID rid = TestData.restaurant("Camel Bistro");
        String admin = TestTokens.admin(rid);
        as(admin).get("/api/v1/restaurants/{rid}", rid).then().statusCode(200)
                .body("order_confirmation_required", equalTo(true));
        // the OpenAPI document used to say orderConfirmationRequired: a 200 that changed nothing
        as(admin).body("{\"orderConfirmationRequired\": false}").patch("/api/v1/restaurants/{rid}", rid)
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("orderConfirmationRequired"));
        as(admin).get("/api/v1/restaurants/{rid}", rid).then().statusCode(200)
                .body("order_confirmation_required", equalTo(true));
        as(admin).body("{\"order_confirmation_required\": \"false\"}").patch("/api/v1/restaurants/{rid}", rid)
                .then().statusCode(400).contentType(PROBLEM);
        as(admin).body("{\"order_confirmation_required\": false}").patch("/api/v1/restaurants/{rid}", rid)
                .then().statusCode(200).body("order_confirmation_required", equalTo(false));
    }

    @Test
    void theApiDescriptionSpeaksSnakeCaseAndNamesEveryOperation() {
        var document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        String schemas = "components.schemas.";
        org.hamcrest.MatcherAssert.assertThat(document.getMap(schemas + "UpdateRestaurant.properties"),
                hasKey("order_confirmation_required"));
        org.hamcrest.MatcherAssert.assertThat(document.getMap(schemas + "UpdateRestaurant.properties"),
                not(hasKey("orderConfirmationRequired")));
        org.hamcrest.MatcherAssert.assertThat(document.getString("paths.'/api/v1/restaurants'.get.operationId"),
                not(equalTo(null)));
    }
}
