package io.tavola.orders.outbox;

import static io.restassured.RestAssured.given;
import static io.tavola.orders.testenv.Api.line;
import static io.tavola.orders.testenv.Api.order;
import static io.tavola.orders.testenv.Api.placed;
import static io.tavola.orders.testenv.Api.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tavola.common.testkit.RabbitQueue;
import io.tavola.common.testkit.Tables;
import io.tavola.common.testkit.TestTokens;
import io.tavola.orders.testenv.TestRestaurant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Live screens find out what they missed from a per-restaurant sequence on every event (issue 12): the
 * outbox numbers a restaurant's events 1, 2, 3... in commit order, and a kitchen board or a session read
 * says which number it is current to, holding exactly the events up to it.
 */
@QuarkusTest
class EventSequenceTest {

    @Test
    void aRestaurantsEventsAreNumberedWithoutHolesOrRepeatsEvenWhenPlacedAtOnce() throws Exception {
        TestRestaurant r = TestRestaurant.create();
        UUID pizza = r.item("Margherita", "9.50");
        r.publish();
        TestRestaurant other = TestRestaurant.create();
        UUID soup = other.item("Minestrone", "6.00");
        other.publish();
        try (RabbitQueue queue = RabbitQueue.bind("orders", "order." + r.id + ".*", "session." + r.id + ".*",
                "order." + other.id + ".*", "session." + other.id + ".*")) {
            ExecutorService diners = Executors.newFixedThreadPool(8);
            List<Future<String>> orders = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                UUID table = UUID.randomUUID();
                orders.add(diners.submit(() -> placed(TestTokens.guest(r.id, table), order(line(pizza, 1)))));
            }
            for (Future<String> placedOrder : orders) {
                String id = placedOrder.get(30, TimeUnit.SECONDS);
                diners.submit(() -> status(TestTokens.chef(r.id), id, "PREPARING").then().statusCode(200));
            }
            placed(TestTokens.guest(other.id, UUID.randomUUID()), order(line(soup, 1)));
            diners.shutdown();
            diners.awaitTermination(30, TimeUnit.SECONDS);

            // 24 x (session.opened, order.created) + 24 status changes, and 2 of the other's
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> queue.received().size() >= 74);
            List<JsonNode> mine = queue.received().stream()
                    .filter(m -> m.path("restaurant_id").asText().equals(r.id.toString())).toList();
            List<Long> numbers = mine.stream().map(m -> m.path("sequence").asLong()).toList();
            assertEquals(72, mine.size());
            assertEquals(LongStream.rangeClosed(1, 72).boxed().toList(), numbers,
                    "1..72 in the order the broker delivered them: no hole, no repeat");
            for (JsonNode m : mine) {
                assertEquals("orders", m.path("stream").asText());
            }
            List<Long> theirs = queue.received().stream()
                    .filter(m -> m.path("restaurant_id").asText().equals(other.id.toString()))
                    .map(m -> m.path("sequence").asLong()).toList();
            assertEquals(List.of(1L, 2L), theirs, "each restaurant counts on its own");
            assertEquals(72, Tables.count("select last_sequence from orders.outbox_event_sequence where restaurant_id = '"
                    + r.id + "'"));
        }
    }

    @Test
    void aKitchenBoardHoldsExactlyTheEventsUpToTheSequenceItSays() throws Exception {
        TestRestaurant r = TestRestaurant.create();
        UUID pizza = r.item("Margherita", "9.50");
        r.publish();
        String chef = TestTokens.chef(r.id);
        Response empty = board(chef);
        assertEquals("0", empty.header("Event-Sequence"), "no event yet");

        try (RabbitQueue queue = RabbitQueue.bind("orders", "order." + r.id + ".created")) {
            ExecutorService diners = Executors.newFixedThreadPool(6);
            List<Future<String>> orders = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                UUID table = UUID.randomUUID();
                orders.add(diners.submit(() -> placed(TestTokens.guest(r.id, table), order(line(pizza, 1)))));
            }
            // boards read while the orders are being placed
            ConcurrentLinkedQueue<Response> boards = new ConcurrentLinkedQueue<>();
            while (!orders.stream().allMatch(Future::isDone)) {
                boards.add(board(chef));
            }
            for (Future<String> placedOrder : orders) {
                placedOrder.get(30, TimeUnit.SECONDS);
            }
            diners.shutdown();
            boards.add(board(chef));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> queue.received().size() >= 30);
            // sequence of each order.created event -> its order
            TreeMap<Long, String> created = new TreeMap<>(queue.received().stream().collect(Collectors.toMap(
                    m -> m.path("sequence").asLong(), m -> m.path("data").path("id").asText())));
            for (Response board : boards) {
                long sequence = Long.parseLong(board.header("Event-Sequence"));
                Set<String> shown = new HashSet<>(board.jsonPath().getList("items.id", String.class));
                Set<String> upToIt = new HashSet<>(created.headMap(sequence, true).values());
                assertEquals(upToIt, shown, "the board at sequence " + sequence + " holds exactly the orders up to it");
            }
            assertEquals(30, boards.stream().reduce((a, b) -> b).orElseThrow().jsonPath().getList("items").size());
        }
    }

    @Test
    void aSessionReadSaysItsSequenceOtherListsDoNot() {
        TestRestaurant r = TestRestaurant.create();
        UUID pizza = r.item("Margherita", "9.50");
        r.publish();
        UUID table = UUID.randomUUID();
        String guest = TestTokens.guest(r.id, table);
        String orderId = placed(guest, order(line(pizza, 1)));
        String sessionId = given().header("Authorization", "Bearer " + guest).when().get("/api/v1/orders/" + orderId)
                .then().statusCode(200).extract().path("session_id");

        Response session = given().header("Authorization", "Bearer " + guest).when().get("/api/v1/sessions/" + sessionId);
        session.then().statusCode(200);
        // session.opened, order.created
        assertEquals("2", session.header("Event-Sequence"));
        status(TestTokens.waiter(r.id), orderId, "PREPARING").then().statusCode(200);
        // and the status change
        assertEquals("3", given().header("Authorization", "Bearer " + TestTokens.waiter(r.id)).when()
                .get("/api/v1/sessions/" + sessionId).header("Event-Sequence"));

        // history and a guest's own list are no snapshot
        assertNull(given().header("Authorization", "Bearer " + TestTokens.admin(r.id)).when().get("/api/v1/orders")
                .then().statusCode(200).extract().header("Event-Sequence"));
        assertNull(given().header("Authorization", "Bearer " + guest).when().get("/api/v1/orders?active=true")
                .then().statusCode(200).extract().header("Event-Sequence"));
        // a master's board of one restaurant is one
        assertNotNull(given().header("Authorization", "Bearer " + TestTokens.master()).when()
                .get("/api/v1/orders?active=true&restaurant_id=" + r.id).then().statusCode(200)
                .extract().header("Event-Sequence"));
        // another restaurant's staff still get 404 for the session, with no sequence of it
        Response foreign = given().header("Authorization", "Bearer " + TestTokens.waiter(UUID.randomUUID())).when()
                .get("/api/v1/sessions/" + sessionId);
        foreign.then().statusCode(404);
        assertNull(foreign.header("Event-Sequence"));
    }

    private static Response board(String token) {
        Response board = given().header("Authorization", "Bearer " + token).when()
                .get("/api/v1/orders?active=true&size=100");
        board.then().statusCode(200);
        return board;
    }
}
