package io.tavola.orders;

import static io.tavola.orders.testenv.Api.as;
import static io.tavola.orders.testenv.Api.line;
import static io.tavola.orders.testenv.Api.order;
import static io.tavola.orders.testenv.Api.place;
import static io.tavola.orders.testenv.Api.status;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.tavola.common.testkit.RabbitQueue;
import io.tavola.common.testkit.TestTokens;
import io.tavola.orders.testenv.TestRestaurant;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A table's evening from the first order to the settled bill, as the diners, the kitchen and the
 * waiter see it, and as the kitchen screens hear it. Runs in-process and against the packaged jar.
 */
@QuarkusTest
class DinerJourneyTest {

    @Test
    void aTableOrdersIsServedPaysAndLeaves() {
        TestRestaurant r = TestRestaurant.create().set("order_confirmation_required", true);
        UUID pizza = r.item("Margherita", "9.50");
        UUID size = r.group(pizza, "Size", 1, 1);
        UUID regular = r.option(pizza, size, "Regular", "0.00");
        UUID large = r.option(pizza, size, "Large", "2.00");
        UUID water = r.item("Water", "2.00");
        r.publish();
        UUID table = UUID.randomUUID();
        String anna = TestTokens.guest(r.id, table);
        String ben = TestTokens.guest(r.id, table);
        String waiter = TestTokens.waiter(r.id);
        String chef = TestTokens.chef(r.id);

        try (RabbitQueue kitchen = RabbitQueue.bind("orders", "order." + r.id + ".*", "session." + r.id + ".*")) {
            String first = place(anna, order(line(pizza, 1, large), line(water, 2))).then().statusCode(201)
                    .body("status", equalTo("PENDING")).body("total_amount", equalTo(15.50f))
                    .extract().path("id");
            String second = place(ben, order(line(pizza, 1, regular))).then().statusCode(201)
                    .extract().path("id");
            String sessionId = as(ben).when().get("/api/v1/sessions/current").then().statusCode(200)
                    .body("orders", hasSize(2)).body("total_amount", equalTo(25.00f))
                    .extract().path("id");

            as(chef).when().get("/api/v1/orders?active=true").then().statusCode(200)
                    .body("items.id", equalTo(List.of(first, second)));
            for (String id : List.of(first, second)) {
                status(waiter, id, "CONFIRMED").then().statusCode(200);
                status(chef, id, "PREPARING").then().statusCode(200);
                status(chef, id, "READY").then().statusCode(200);
                status(waiter, id, "SERVED").then().statusCode(200);
            }
            as(chef).when().get("/api/v1/orders?active=true").then().statusCode(200).body("items", hasSize(0));

            as(anna).body("{\"kind\": \"bill\"}").when().post("/api/v1/sessions/" + sessionId + "/service-requests")
                    .then().statusCode(201);
            as(waiter).when().get("/api/v1/sessions/" + sessionId + "/bill?tip_percent=10&split=equal&parts=2")
                    .then().statusCode(200)
                    .body("subtotal", equalTo(25.00f)).body("tip", equalTo(2.50f)).body("total", equalTo(27.50f))
                    .body("split.parts.amount", equalTo(List.of(13.75f, 13.75f)));
            as(waiter).body("{\"status\": \"completed\"}").when().post("/api/v1/sessions/" + sessionId + "/close")
                    .then().statusCode(200).body("status", equalTo("completed"))
                    .body("orders.status", equalTo(List.of("COMPLETED", "COMPLETED")));
            // the closed tab's guest tokens ended with it (issue 12, fault 2)
            as(anna).when().get("/api/v1/sessions/current").then().statusCode(401);

            JsonNode closed = kitchen.await(m -> m.path("type").asText().equals("session.closed"), Duration.ofSeconds(15));
            assertEquals("completed", closed.path("data").path("status").asText());
            assertEquals(25.00, closed.path("data").path("total_amount").asDouble());
            List<String> firstOrderEvents = kitchen.received().stream()
                    .filter(m -> m.path("data").path("id").asText().equals(first))
                    .map(m -> m.path("type").asText() + ":" + m.path("data").path("status").asText())
                    .toList();
            assertEquals(List.of("order.created:PENDING", "order.status_changed:CONFIRMED",
                    "order.status_changed:PREPARING", "order.status_changed:READY", "order.status_changed:SERVED",
                    "order.status_changed:COMPLETED"), firstOrderEvents, "published in the order they happened");
        }
    }
}
