package io.tavola.customers;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tavola.common.testkit.TestTokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProfileTest {

    @Test
    void theFirstCallCreatesAnEmptyProfile() {
        UUID customer = UUID.randomUUID();
        given().auth().oauth2(TestTokens.customer(customer)).get("/api/v1/customers/me").then().statusCode(200)
                .body("customer_id", equalTo(customer.toString()))
                .body("display_name", nullValue())
                .body("marketing_consent", equalTo(false));
    }

    @Test
    void aCustomerKeepsPreferencesForTheMenu() {
        String token = TestTokens.customer(UUID.randomUUID());
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("display_name", "Giulia", "phone", "+39 06 1234567", "dietary_tags", List.of("vegan"),
                        "allergens", List.of("peanuts", "milk"), "preferred_language", "it", "marketing_consent", true))
                .put("/api/v1/customers/me").then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/customers/me").then().statusCode(200)
                .body("display_name", equalTo("Giulia"))
                .body("allergens", contains("milk", "peanuts"))
                .body("dietary_tags", contains("vegan"))
                .body("preferred_language", equalTo("it"))
                .body("marketing_consent", equalTo(true));
    }

    @Test
    void unknownAllergensAndBadValuesAre400AndChangeNothing() {
        String token = TestTokens.customer(UUID.randomUUID());
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("display_name", "Before")).put("/api/v1/customers/me").then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("display_name", "After", "allergens", List.of("chocolate")))
                .put("/api/v1/customers/me").then().statusCode(400).body("errors.field", hasItem("allergens"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("phone", "call me maybe")).put("/api/v1/customers/me").then().statusCode(400)
                .body("errors.field", hasItem("phone"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"marketing_consent\": \"perhaps\"}").put("/api/v1/customers/me").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("marketing_consent"));
        given().auth().oauth2(token).get("/api/v1/customers/me").then().body("display_name", equalTo("Before"));
    }

    @Test
    void onlyCustomersHaveProfiles() {
        given().auth().oauth2(TestTokens.waiter(UUID.randomUUID())).get("/api/v1/customers/me").then().statusCode(403);
        given().auth().oauth2(TestTokens.guest(UUID.randomUUID(), UUID.randomUUID())).get("/api/v1/customers/me")
                .then().statusCode(403);
        given().get("/api/v1/customers/me").then().statusCode(401).contentType("application/problem+json");
    }
}
