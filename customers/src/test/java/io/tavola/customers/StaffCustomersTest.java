package io.tavola.customers;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tavola.common.testkit.TestTokens;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Staff see the customers who ordered at their restaurant, and only their history there. */
@QuarkusTest
class StaffCustomersTest {

    @Test
    void staffListTheirCustomersWithNameAndHistoryThereOnly() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        given().auth().oauth2(TestTokens.customer(customer)).contentType(ContentType.JSON)
                .body(Map.of("display_name", "Marco")).put("/api/v1/customers/me").then().statusCode(200);
        UUID atA = OrderEvents.placeAndFinish(a, customer, null, new BigDecimal("15.00"), "COMPLETED");
        UUID atB = OrderEvents.placeAndFinish(b, customer, null, new BigDecimal("99.00"), "COMPLETED");

        given().auth().oauth2(TestTokens.waiter(a)).get("/api/v1/customers").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].customer_id", equalTo(customer.toString()))
                .body("items[0].display_name", equalTo("Marco"))
                .body("items[0].order_count", equalTo(1))
                .body("items[0].total_spent", equalTo(15.0f));
        given().auth().oauth2(TestTokens.admin(a)).get("/api/v1/customers/" + customer + "/orders").then()
                .statusCode(200).body("items.order_id", hasItem(atA.toString()))
                .body("items.order_id", not(hasItem(atB.toString())));
    }

    @Test
    void anotherRestaurantsStaffSeeNothingOfTheCustomer() {
        UUID a = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        OrderEvents.placeAndFinish(a, customer, null, BigDecimal.TEN, "SERVED");
        UUID other = UUID.randomUUID();
        given().auth().oauth2(TestTokens.admin(other)).get("/api/v1/customers").then().statusCode(200)
                .body("total", equalTo(0));
        given().auth().oauth2(TestTokens.admin(other)).get("/api/v1/customers/" + customer + "/orders").then()
                .statusCode(404);
        given().auth().oauth2(TestTokens.waiter(other)).queryParam("restaurant_id", a.toString())
                .get("/api/v1/customers").then().statusCode(404);
        given().auth().oauth2(TestTokens.guest(a, UUID.randomUUID())).get("/api/v1/customers").then().statusCode(403);
        given().auth().oauth2(TestTokens.customer(UUID.randomUUID())).get("/api/v1/customers/" + customer + "/orders")
                .then().statusCode(403);
    }
}
