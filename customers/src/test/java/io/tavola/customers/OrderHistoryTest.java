package io.tavola.customers;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tavola.common.testkit.Tables;
import io.tavola.common.testkit.TestTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrderHistoryTest {

    private static long ledgerLines(UUID orderId) {
        return Tables.count("select count(*) from customers.loyalty_ledger where order_id = '" + orderId + "'");
    }

    @Test
    void historyIsBuiltFromEventsNewestFirstPerRestaurant() {
        UUID customer = UUID.randomUUID();
        UUID trattoria = UUID.randomUUID();
        UUID bistro = UUID.randomUUID();
        UUID first = OrderEvents.placeAndFinish(trattoria, customer, null, new BigDecimal("12.50"), "CONFIRMED");
        UUID second = OrderEvents.placeAndFinish(bistro, customer, null, new BigDecimal("8.00"), "PENDING");
        UUID third = OrderEvents.placeAndFinish(trattoria, customer, null, new BigDecimal("30.00"), "SERVED");

        given().auth().oauth2(TestTokens.customer(customer)).get("/api/v1/customers/me/orders").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.order_id", contains(third.toString(), second.toString(), first.toString()))
                .body("items[0].summary", equalTo("2× Margherita"))
                .body("items[0].total_amount", equalTo(30.0f));
        given().auth().oauth2(TestTokens.customer(customer)).queryParam("restaurant_id", trattoria.toString())
                .get("/api/v1/customers/me/orders").then().statusCode(200)
                .body("items.order_id", contains(third.toString(), first.toString()));
        // someone else sees none of it
        given().auth().oauth2(TestTokens.customer(UUID.randomUUID())).get("/api/v1/customers/me/orders").then()
                .statusCode(200).body("total", equalTo(0));
    }

    @Test
    void anEventWithItsStreamAndSequenceIsAppliedLikeAnyOther() {
        UUID customer = UUID.randomUUID();
        UUID restaurant = UUID.randomUUID();
        UUID orderId = UUID.randomUUID();
        Instant created = Instant.now().minusSeconds(30);
        String envelope = OrderEvents.order(UUID.randomUUID(), "order.created", restaurant, orderId, customer, null,
                "CONFIRMED", BigDecimal.TEN, created, created)
                .replaceFirst("\\{", "{\"stream\": \"orders\", \"sequence\": 17, ");
        OrderEvents.publish("order." + restaurant + ".created", envelope);
        OrderEvents.awaitStatus(orderId, "CONFIRMED");
    }

    @Test
    void theSameCompletedEventTwiceEarnsOnceAndKeepsOneHistoryLine() {
        UUID customer = UUID.randomUUID();
        UUID restaurant = UUID.randomUUID();
        UUID orderId = UUID.randomUUID();
        Instant created = Instant.now().minusSeconds(600);
        String completed = OrderEvents.order(UUID.randomUUID(), "order.status_changed", restaurant, orderId, customer,
                null, "COMPLETED", new BigDecimal("23.90"), created, created.plusSeconds(300));
        OrderEvents.publish("order." + restaurant + ".status_changed", completed);
        OrderEvents.publish("order." + restaurant + ".status_changed", completed);
        // a redelivery dressed as a new event (new event id, same order) still earns once
        OrderEvents.publish("order." + restaurant + ".status_changed", OrderEvents.order(UUID.randomUUID(),
                "order.status_changed", restaurant, orderId, customer, null, "COMPLETED", new BigDecimal("23.90"),
                created, created.plusSeconds(300)));
        OrderEvents.awaitStatus(orderId, "COMPLETED");
        Awaitility.await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5))
                .until(() -> ledgerLines(orderId) == 1);

        assertEquals(1, Tables.count("select count(*) from customers.order_history where order_id = '" + orderId + "'"));
        given().auth().oauth2(TestTokens.customer(customer)).get("/api/v1/customers/me/loyalty").then().statusCode(200)
                .body("balance", equalTo(23))
                .body("balance_by_restaurant.'" + restaurant + "'", equalTo(23))
                .body("ledger.order_id", contains(orderId.toString()));
    }

    @Test
    void anOlderSnapshotArrivingLateDoesNotOverwriteANewerOne() {
        UUID customer = UUID.randomUUID();
        UUID restaurant = UUID.randomUUID();
        UUID orderId = UUID.randomUUID();
        Instant created = Instant.now().minusSeconds(600);
        OrderEvents.publish("order." + restaurant + ".status_changed", OrderEvents.order(UUID.randomUUID(),
                "order.status_changed", restaurant, orderId, customer, null, "READY", BigDecimal.TEN, created,
                created.plusSeconds(200)));
        OrderEvents.awaitStatus(orderId, "READY");
        OrderEvents.publish("order." + restaurant + ".created", OrderEvents.order(UUID.randomUUID(), "order.created",
                restaurant, orderId, customer, null, "PENDING", BigDecimal.TEN, created, created));
        Awaitility.await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5))
                .until(() -> Tables.count("select count(*) from customers.order_history where order_id = '" + orderId
                        + "' and status = 'READY'") == 1);
    }

    @Test
    void aRestaurantsOwnRateAppliesRoundedDown() {
        UUID customer = UUID.randomUUID();
        UUID restaurant = UUID.randomUUID();
        given().auth().oauth2(TestTokens.admin(restaurant)).contentType(ContentType.JSON)
                .body(Map.of("points_per_unit", 2.5)).put("/api/v1/customers/loyalty/" + restaurant + "/rate")
                .then().statusCode(200).body("points_per_unit", equalTo(2.5f));
        UUID orderId = OrderEvents.placeAndFinish(restaurant, customer, null, new BigDecimal("19.99"), "COMPLETED");
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> ledgerLines(orderId) == 1);
        given().auth().oauth2(TestTokens.customer(customer)).get("/api/v1/customers/me/loyalty").then()
                .body("balance", equalTo(49));
    }

    @Test
    void onlyTheRestaurantsOwnAdminSetsItsRate() {
        UUID restaurant = UUID.randomUUID();
        given().auth().oauth2(TestTokens.admin(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Map.of("points_per_unit", 9)).put("/api/v1/customers/loyalty/" + restaurant + "/rate")
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.waiter(restaurant)).contentType(ContentType.JSON)
                .body(Map.of("points_per_unit", 9)).put("/api/v1/customers/loyalty/" + restaurant + "/rate")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.admin(restaurant)).contentType(ContentType.JSON)
                .body(Map.of("points_per_unit", -1)).put("/api/v1/customers/loyalty/" + restaurant + "/rate")
                .then().statusCode(400).body("errors.field", hasItem("points_per_unit"));
        assertEquals(0, Tables.count("select count(*) from customers.loyalty_settings where restaurant_id = '"
                + restaurant + "'"));
    }

    @Test
    void aPoisonMessageIsDeadLetteredAndConsumptionGoesOn() {
        OrderEvents.purgeDeadLetters();
        UUID restaurant = UUID.randomUUID();
        OrderEvents.publish("order." + restaurant + ".created", "this is { not an order event");
        assertEquals("this is { not an order event", OrderEvents.awaitDeadLetter());
        OrderEvents.placeAndFinish(restaurant, UUID.randomUUID(), null, BigDecimal.ONE, "CONFIRMED");
    }

    /** A newer orders service's event type waits in the dead-letter queue instead of being applied as an order. */
    @Test
    void anEventTypeOutsideTheCatalogueIsDeadLetteredNotApplied() {
        OrderEvents.purgeDeadLetters();
        UUID restaurant = UUID.randomUUID();
        UUID orderId = UUID.randomUUID();
        Instant now = Instant.now();
        String teleported = OrderEvents.order(UUID.randomUUID(), "order.teleported", restaurant, orderId,
                UUID.randomUUID(), null, "COMPLETED", new BigDecimal("12.00"), now, now);
        OrderEvents.publish("order." + restaurant + ".teleported", teleported);
        assertEquals(teleported, OrderEvents.awaitDeadLetter());
        assertEquals(0, Tables.count("select count(*) from customers.order_history where order_id = '" + orderId + "'"));
        OrderEvents.placeAndFinish(restaurant, UUID.randomUUID(), null, BigDecimal.ONE, "CONFIRMED");
    }
}
