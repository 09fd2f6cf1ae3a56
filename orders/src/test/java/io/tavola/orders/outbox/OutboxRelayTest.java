package io.tavola.orders.outbox;

import static io.restassured.RestAssured.given;
import static io.tavola.common.testkit.Management.management;
import static io.tavola.orders.testenv.Api.line;
import static io.tavola.orders.testenv.Api.order;
import static io.tavola.orders.testenv.Api.place;
import static io.tavola.orders.testenv.Api.placed;
import static io.tavola.orders.testenv.Api.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.tavola.common.testkit.RabbitQueue;
import io.tavola.common.testkit.Tables;
import io.tavola.common.testkit.TestTokens;
import io.tavola.orders.testenv.TestRestaurant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxRelayTest {

    @Test
    void everyStateChangeIsPublishedWithItsEnvelopeAndRoutingKey() {
        TestRestaurant r = TestRestaurant.create();
        UUID pizza = r.item("Margherita", "9.50");
        r.publish();
        UUID table = UUID.randomUUID();
        try (RabbitQueue queue = RabbitQueue.bind("orders", "order." + r.id + ".*", "session." + r.id + ".*")) {
            String guest = TestTokens.guest(r.id, table);
            String orderId = placed(guest, order(line(pizza, 2)).put("table_label", "Terrace 12"));
            status(TestTokens.chef(r.id), orderId, "PREPARING").then().statusCode(200);
            String second = placed(guest, order(line(pizza, 1)));
            status(TestTokens.waiter(r.id), second, "CANCELLED").then().statusCode(200);
            String sessionId = given().header("Authorization", "Bearer " + guest).when()
                    .get("/api/v1/sessions/current").then().extract().path("id");
            given().header("Authorization", "Bearer " + guest).contentType("application/json")
                    .body("{\"kind\": \"bill\"}").when().post("/api/v1/sessions/" + sessionId + "/service-requests")
                    .then().statusCode(201);

            JsonNode created = queue.await(m -> m.path("type").asText().equals("order.created")
                    && m.path("data").path("id").asText().equals(orderId), Duration.ofSeconds(10));
            assertEquals(r.id.toString(), created.path("restaurant_id").asText());
            assertNotNull(UUID.fromString(created.path("event_id").asText()));
            assertTrue(created.path("occurred_at").asText().endsWith("Z"), created.toString());
            JsonNode data = created.path("data");
            assertEquals("CONFIRMED", data.path("status").asText());
            assertEquals(19.00, data.path("total_amount").asDouble());
            assertEquals("EUR", data.path("currency").asText());
            assertEquals("Terrace 12", data.path("table_label").asText());
            assertEquals("Margherita", data.path("items").path(0).path("name").asText());
            assertEquals(table.toString(), data.path("table_id").asText());
            assertEquals(sessionId, data.path("session_id").asText());

            JsonNode opened = queue.await(m -> m.path("type").asText().equals("session.opened"), Duration.ofSeconds(10));
            assertEquals(sessionId, opened.path("data").path("id").asText());
            assertEquals("open", opened.path("data").path("status").asText());
            queue.await(m -> m.path("type").asText().equals("order.status_changed")
                    && m.path("data").path("status").asText().equals("PREPARING"), Duration.ofSeconds(10));
            JsonNode cancelled = queue.await(m -> m.path("type").asText().equals("order.cancelled"),
                    Duration.ofSeconds(10));
            assertEquals(second, cancelled.path("data").path("id").asText());
            // after the cancellation the tab is back to the first order's 19.00
            queue.await(m -> m.path("type").asText().equals("session.updated")
                    && m.path("data").path("total_amount").asDouble() == 19.00
                    && m.path("data").path("id").asText().equals(sessionId), Duration.ofSeconds(10));
            JsonNode service = queue.await(m -> m.path("type").asText().equals("session.service_requested"),
                    Duration.ofSeconds(10));
            assertEquals("bill", service.path("data").path("kind").asText());
            assertEquals(sessionId, service.path("data").path("session_id").asText());
            assertEquals("Terrace 12", service.path("data").path("table_label").asText());

            // routing keys: order.<rid>.<event> and session.<rid>.<event>, only this restaurant's
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> queue.received().size() >= 8);
            for (JsonNode m : queue.received()) {
                assertEquals(r.id.toString(), m.path("restaurant_id").asText());
            }
        }
    }

    /**
     * One session event per order (issue 14): the order that opens the table's session announces the session
     * and then itself, a later order itself and then the session's new total.
     */
    @Test
    void placingAnOrderEmitsOneSessionEventWithTheTotalThatIncludesIt() {
        TestRestaurant r = TestRestaurant.create();
        UUID pizza = r.item("Margherita", "9.50");
        r.publish();
        try (RabbitQueue queue = RabbitQueue.bind("orders", "order." + r.id + ".*", "session." + r.id + ".*")) {
            String guest = TestTokens.guest(r.id, UUID.randomUUID());
            String first = placed(guest, order(line(pizza, 2)));
            String second = placed(guest, order(line(pizza, 1)));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> queue.received().size() >= 4);
            Awaitility.await().pollDelay(Duration.ofMillis(500)).until(() -> true);
            List<String> events = queue.received().stream()
                    .sorted(java.util.Comparator.comparingLong(m -> m.path("sequence").asLong()))
                    .map(m -> m.path("type").asText() + ":" + m.path("data").path("id").asText() + ":"
                            + m.path("data").path("total_amount").asDouble())
                    .toList();
            String session = queue.received().stream().filter(m -> m.path("type").asText().equals("session.opened"))
                    .findFirst().orElseThrow().path("data").path("id").asText();
            assertEquals(List.of("session.opened:" + session + ":19.0", "order.created:" + first + ":19.0",
                    "order.created:" + second + ":9.5", "session.updated:" + session + ":28.5"), events);
        }
    }

    @Test
    void aBrokerOutageDelaysEventsButLosesOrDuplicatesNone() {
        TestRestaurant r = TestRestaurant.create();
        UUID pizza = r.item("Margherita", "9.50");
        r.publish();
        // nothing in flight when the broker goes away
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(
                () -> Tables.count("select count(*) from orders.outbox_event where sent_at is null") == 0);
        try (RabbitQueue queue = RabbitQueue.bind("orders", "order." + r.id + ".*", "session." + r.id + ".*")) {
            TestRestaurant.cutBroker();
            try {
                // still ready (it keeps taking orders) and saying the broker is away
                Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(
                        () -> management().when().get("/q/health/ready").then().statusCode(200)
                                .body("checks.find { it.name == 'rabbitmq-outbox-relay' }.data.broker",
                                        org.hamcrest.Matchers.startsWith("disconnected")));
                List<String> orderIds = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    orderIds.add(placed(TestTokens.guest(r.id, UUID.randomUUID()), order(line(pizza, 1))));
                }
                status(TestTokens.waiter(r.id), orderIds.get(0), "PREPARING").then().statusCode(200);
                long waiting = Tables.count("select count(*) from orders.outbox_event where restaurant_id = '" + r.id
                        + "' and sent_at is null");
                // 8 x (session.opened, order.created) + 1 status change
                assertEquals(17, waiting);
                assertEquals(0, queue.received().size());
            } finally {
                TestRestaurant.restoreBroker();
            }
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> queue.received().size() >= 17);
            // give a duplicate every chance to show up
            Awaitility.await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
            List<JsonNode> received = queue.received();
            Set<String> ids = new HashSet<>();
            for (JsonNode m : received) {
                ids.add(m.path("event_id").asText());
            }
            assertEquals(17, received.size(), "every event exactly once");
            assertEquals(17, ids.size(), "no duplicate event ids");
            assertEquals(0, Tables.count("select count(*) from orders.outbox_event where restaurant_id = '" + r.id
                    + "' and sent_at is null"));
            management().when().get("/q/health/ready").then().statusCode(200);
        }
    }

    @Test
    void ordersAreAcceptedWhileTheBrokerIsAway() {
        TestRestaurant r = TestRestaurant.create();
        UUID pizza = r.item("Margherita", "9.50");
        r.publish();
        TestRestaurant.cutBroker();
        try {
            place(TestTokens.guest(r.id, UUID.randomUUID()), order(line(pizza, 1))).then().statusCode(201);
        } finally {
            TestRestaurant.restoreBroker();
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Tables.count(
                "select count(*) from orders.outbox_event where restaurant_id = '" + r.id + "' and sent_at is null") == 0);
    }
}
