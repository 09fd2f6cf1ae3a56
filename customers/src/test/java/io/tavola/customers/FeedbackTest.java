package io.tavola.customers;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tavola.common.testkit.RabbitQueue;
import io.tavola.common.testkit.Tables;
import io.tavola.common.testkit.TestTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FeedbackTest {

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static Map<String, Object> rating(UUID orderId, Object rating, String comment) {
        Map<String, Object> body = new HashMap<>();
        body.put("order_id", orderId.toString());
        body.put("rating", rating);
        body.put("comment", comment);
        return body;
    }

    private static long feedbackFor(UUID orderId) {
        return Tables.count("select count(*) from customers.feedback where order_id = '" + orderId + "'");
    }

    @Test
    void aCustomerRatesAServedOrderOnce() {
        UUID customer = UUID.randomUUID();
        UUID restaurant = UUID.randomUUID();
        UUID order = OrderEvents.placeAndFinish(restaurant, customer, null, BigDecimal.TEN, "SERVED");
        as(TestTokens.customer(customer)).body(rating(order, 5, "Perfect carbonara")).post("/api/v1/feedback")
                .then().statusCode(201).body("rating", equalTo(5)).body("restaurant_id", equalTo(restaurant.toString()))
                // no Location pointing at an address that does not exist
                .header("Location", org.hamcrest.Matchers.nullValue());
        as(TestTokens.customer(customer)).body(rating(order, 4, "again")).post("/api/v1/feedback")
                .then().statusCode(409).contentType("application/problem+json");
        assertEquals(1, feedbackFor(order));
    }

    @Test
    void feedbackIsRefusedForOthersOrdersUnservedOrdersAndBadRatings() {
        UUID customer = UUID.randomUUID();
        UUID restaurant = UUID.randomUUID();
        UUID served = OrderEvents.placeAndFinish(restaurant, customer, null, BigDecimal.TEN, "COMPLETED");
        UUID cooking = OrderEvents.placeAndFinish(restaurant, customer, null, BigDecimal.TEN, "PREPARING");

        as(TestTokens.customer(UUID.randomUUID())).body(rating(served, 5, null)).post("/api/v1/feedback")
                .then().statusCode(404);
        as(TestTokens.customer(customer)).body(rating(cooking, 5, null)).post("/api/v1/feedback")
                .then().statusCode(409).body("type", equalTo("https://tavola.io/problems/order-not-served"));
        as(TestTokens.customer(customer)).body(rating(served, 0, null)).post("/api/v1/feedback")
                .then().statusCode(400).body("errors.field", hasItem("rating"));
        as(TestTokens.customer(customer)).body(rating(served, 6, null)).post("/api/v1/feedback")
                .then().statusCode(400).body("errors.field", hasItem("rating"));
        as(TestTokens.customer(customer)).body(rating(served, 3, "x".repeat(2001))).post("/api/v1/feedback")
                .then().statusCode(400).body("errors.field", hasItem("comment"));
        as(TestTokens.customer(customer)).body("{\"order_id\": \"not-a-uuid\", \"rating\": 3}").post("/api/v1/feedback")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("order_id"));
        as(TestTokens.waiter(restaurant)).body(rating(served, 5, null)).post("/api/v1/feedback").then().statusCode(403);
        assertEquals(0, feedbackFor(served) + feedbackFor(cooking));
    }

    @Test
    void aGuestRatesItsTablesServedOrderButNotAnotherTables() {
        UUID restaurant = UUID.randomUUID();
        UUID table = UUID.randomUUID();
        UUID order = OrderEvents.placeAndFinish(restaurant, null, table, BigDecimal.TEN, "SERVED");
        as(TestTokens.guest(restaurant, UUID.randomUUID())).body(rating(order, 4, null)).post("/api/v1/feedback")
                .then().statusCode(404);
        as(TestTokens.guest(UUID.randomUUID(), table)).body(rating(order, 4, null)).post("/api/v1/feedback")
                .then().statusCode(404);
        as(TestTokens.guest(restaurant, table)).body(rating(order, 4, "Lovely")).post("/api/v1/feedback")
                .then().statusCode(201).body("author", equalTo("guest"));
    }

    @Test
    void aLowRatingRaisesAnEventForTheRestaurant() {
        UUID customer = UUID.randomUUID();
        UUID restaurant = UUID.randomUUID();
        UUID order = OrderEvents.placeAndFinish(restaurant, customer, null, BigDecimal.TEN, "COMPLETED");
        try (RabbitQueue queue = RabbitQueue.bind("feedback", "feedback." + restaurant + ".#")) {
            as(TestTokens.customer(customer)).body(rating(order, 2, "Cold soup")).post("/api/v1/feedback")
                    .then().statusCode(201);
            JsonNode event = queue.await(e -> e.path("data").path("order_id").asText().equals(order.toString()),
                    Duration.ofSeconds(5));
            assertEquals("feedback.low_rating", event.get("type").asText());
            assertEquals(restaurant.toString(), event.get("restaurant_id").asText());
            assertEquals(2, event.path("data").path("rating").asInt());
            // the restaurant's first event in the feedback stream: a live screen can tell a missed one
            assertEquals("feedback", event.path("stream").asText());
            assertEquals(1, event.path("sequence").asLong());
        }
    }

    @Test
    void staffSeeTheirRestaurantsFeedbackWithAverageAndDistributionOnly() {
        UUID restaurant = UUID.randomUUID();
        for (int stars : new int[] { 5, 4, 4, 1 }) {
            UUID customer = UUID.randomUUID();
            UUID order = OrderEvents.placeAndFinish(restaurant, customer, null, BigDecimal.TEN, "COMPLETED");
            as(TestTokens.customer(customer)).body(rating(order, stars, null)).post("/api/v1/feedback").then()
                    .statusCode(201);
        }
        as(TestTokens.chef(restaurant)).get("/api/v1/feedback").then().statusCode(200)
                .body("total", equalTo(4))
                .body("average_rating", equalTo(3.5f))
                .body("distribution.'4'", equalTo(2))
                .body("distribution.'1'", equalTo(1))
                .body("distribution.'2'", equalTo(0));
        // another restaurant's staff: nothing of it, and naming it is 404
        as(TestTokens.admin(UUID.randomUUID())).get("/api/v1/feedback").then().statusCode(200).body("total", equalTo(0));
        as(TestTokens.admin(UUID.randomUUID())).queryParam("restaurant_id", restaurant.toString())
                .get("/api/v1/feedback").then().statusCode(404);
        as(TestTokens.customer(UUID.randomUUID())).get("/api/v1/feedback").then().statusCode(403);
        as(TestTokens.master()).queryParam("restaurant_id", restaurant.toString()).get("/api/v1/feedback").then()
                .statusCode(200).body("total", equalTo(4));
    }
}
