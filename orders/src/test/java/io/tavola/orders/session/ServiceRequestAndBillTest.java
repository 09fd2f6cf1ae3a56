package io.tavola.orders.session;

import static io.tavola.orders.testenv.Api.as;
import static io.tavola.orders.testenv.Api.line;
import static io.tavola.orders.testenv.Api.order;
import static io.tavola.orders.testenv.Api.place;
import static io.tavola.orders.testenv.Api.placed;
import static io.tavola.orders.testenv.Api.status;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.tavola.common.testkit.Tables;
import io.tavola.common.testkit.TestTokens;
import io.tavola.orders.testenv.TestRestaurant;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ServiceRequestAndBillTest {

    @Test
    void aTableMayCallTheWaiterOncePerCooldown() {
        TestRestaurant r = TestRestaurant.create().set("service_request_cooldown_seconds", 2);
        UUID pizza = r.item("Margherita", "9.50");
        r.publish();
        UUID table = UUID.randomUUID();
        String guest = TestTokens.guest(r.id, table);
        String sessionId = place(guest, order(line(pizza, 1)).put("table_label", "Window 3")).then().statusCode(201)
                .extract().path("session_id");
        String path = "/api/v1/sessions/" + sessionId + "/service-requests";

        as(guest).body("{\"kind\": \"waiter\"}").when().post(path).then().statusCode(201)
                .body("kind", equalTo("waiter")).body("table_label", equalTo("Window 3"))
                .body("requested_at", notNullValue());
        // anyone at the same table is inside the same cooldown
        as(TestTokens.guest(r.id, table)).body("{\"kind\": \"waiter\"}").when().post(path).then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", notNullValue());
        // asking for the bill is another request
        as(guest).body("{\"kind\": \"bill\"}").when().post(path).then().statusCode(201);
        as(guest).body("{\"kind\": \"dessert\"}").when().post(path).then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        as(TestTokens.waiter(r.id)).body("{\"kind\": \"waiter\"}").when().post(path).then().statusCode(403);
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                as(guest).body("{\"kind\": \"waiter\"}").when().post(path).then().statusCode(201));
        org.junit.jupiter.api.Assertions.assertEquals(3, Tables.count(
                "select count(*) from orders.service_request where session_id = '" + sessionId + "'"));
    }

    @Test
    void aClosedTabTakesNoServiceRequests() {
        TestRestaurant r = TestRestaurant.create();
        UUID pizza = r.item("Margherita", "9.50");
        r.publish();
        String guest = TestTokens.guest(r.id, UUID.randomUUID());
        String orderId = placed(guest, order(line(pizza, 1)));
        String sessionId = as(guest).when().get("/api/v1/orders/" + orderId).then().extract().path("session_id");
        status(TestTokens.waiter(r.id), orderId, "CANCELLED").then().statusCode(200);
        as(TestTokens.waiter(r.id)).body("{\"status\": \"cancelled\"}").when()
                .post("/api/v1/sessions/" + sessionId + "/close").then().statusCode(200);
        // the guest's token ended with the tab (issue 12, fault 2); staff of the restaurant get the conflict
        as(guest).body("{\"kind\": \"waiter\"}").when().post("/api/v1/sessions/" + sessionId + "/service-requests")
                .then().statusCode(401);
    }

    @Test
    void theBillShowsEachDishOnceWithItsOptionsAndNamesEachDinersPart() {
        TestRestaurant r = TestRestaurant.create();
        UUID pizza = r.item("Margherita", "9.50");
        UUID size = r.group(pizza, "Size", 1, 1);
        UUID regular = r.option(pizza, size, "Regular", "0.00");
        UUID large = r.option(pizza, size, "Large", "2.00");
        UUID extras = r.group(pizza, "Extras", 0, 3);
        UUID olives = r.option(pizza, extras, "Olives", "0.50");
        UUID basil = r.option(pizza, extras, "Basil", "0.00");
        UUID water = r.item("Water", "2.00");
        r.publish();
        UUID table = UUID.randomUUID();
        UUID adaId = UUID.randomUUID();
        UUID benId = UUID.randomUUID();
        UUID carlaId = UUID.randomUUID();
        String ada = TestTokens.token(io.tavola.common.security.Role.GUEST, adaId, r.id, table);
        String ben = TestTokens.token(io.tavola.common.security.Role.GUEST, benId, r.id, table);
        String carla = TestTokens.token(io.tavola.common.security.Role.GUEST, carlaId, r.id, table);
        String sessionId = as(ada).body("{\"diner_name\": \"Ada\"}").when().post("/api/v1/sessions").then()
                .statusCode(201).extract().path("id");
        as(ben).body("{\"diner_name\": \"Ben\"}").when().post("/api/v1/sessions").then().statusCode(200);
        // Ada: a large pizza with olives and basil, a water; Ben: two of the same pizza (options in another
        // order), a regular one, a water; Carla, who gave no name: a water
        placed(ada, order(line(pizza, 1, large, olives, basil), line(water, 1)));           // 12.00 + 2.00
        placed(ben, order(line(pizza, 2, basil, olives, large), line(pizza, 1, regular), line(water, 1))); // 24.00 + 9.50 + 2.00
        placed(carla, order(line(water, 1)));                                                 // 2.00
        String bill = "/api/v1/sessions/" + sessionId + "/bill";

        as(ben).when().get(bill + "?split=items").then().statusCode(200)
                .body("lines", hasSize(6))
                .body("lines[0].modifiers.name", equalTo(List.of("Large", "Olives", "Basil")))
                .body("lines[0].modifiers.price_delta", equalTo(List.of(2.00f, 0.50f, 0.00f)))
                .body("lines[0].modifiers[0].option_id", equalTo(large.toString()))
                .body("lines[1].modifiers", hasSize(0))
                .body("grouped_lines.name", equalTo(List.of("Margherita", "Water", "Margherita")))
                .body("grouped_lines.quantity", equalTo(List.of(3, 3, 1)))
                .body("grouped_lines.unit_price", equalTo(List.of(12.00f, 2.00f, 9.50f)))
                .body("grouped_lines.line_total", equalTo(List.of(36.00f, 6.00f, 9.50f)))
                .body("grouped_lines[0].modifiers.name", equalTo(List.of("Large", "Olives", "Basil")))
                .body("grouped_lines[2].modifiers.name", equalTo(List.of("Regular")))
                .body("grouped_lines[1].modifiers", hasSize(0))
                .body("subtotal", equalTo(51.50f))
                .body("split.parts.diner_id", equalTo(List.of(adaId.toString(), benId.toString(), carlaId.toString())))
                .body("split.parts.name", equalTo(java.util.Arrays.asList("Ada", "Ben", null)))
                .body("split.parts.amount", equalTo(List.of(14.00f, 35.50f, 2.00f)));
        // staff read the same names
        as(TestTokens.waiter(r.id)).when().get(bill + "?split=items").then().statusCode(200)
                .body("split.parts.name", equalTo(java.util.Arrays.asList("Ada", "Ben", null)));
    }

    @Test
    void theBillHasItsLinesTipAndSplitsThatAddUpToTheCent() {
        TestRestaurant r = TestRestaurant.create();
        UUID pizza = r.item("Margherita", "9.50");
        UUID water = r.item("Water", "2.00");
        UUID wine = r.item("Wine", "7.00");
        r.publish();
        UUID table = UUID.randomUUID();
        UUID annaId = UUID.randomUUID();
        UUID benId = UUID.randomUUID();
        String anna = TestTokens.token(io.tavola.common.security.Role.GUEST, annaId, r.id, table);
        String ben = TestTokens.token(io.tavola.common.security.Role.GUEST, benId, r.id, table);
        placed(anna, order(line(pizza, 1), line(water, 1)));   // 11.50
        placed(ben, order(line(pizza, 1)));                     //  9.50
        String cancelled = placed(ben, order(line(wine, 1)));   //  7.00, cancelled: not billed
        status(TestTokens.waiter(r.id), cancelled, "CANCELLED").then().statusCode(200);
        String sessionId = as(anna).when().get("/api/v1/sessions/current").then().extract().path("id");
        String bill = "/api/v1/sessions/" + sessionId + "/bill";

        as(anna).when().get(bill).then().statusCode(200)
                .body("lines", hasSize(3))
                .body("lines.name", equalTo(List.of("Margherita", "Water", "Margherita")))
                .body("subtotal", equalTo(21.00f)).body("tip", equalTo(0.00f)).body("total", equalTo(21.00f))
                .body("currency", equalTo("EUR"))
                .body("split.mode", equalTo("none"));

        // 10 % tip = 2.10, total 23.10 in three parts: 7.70 each (no cent left over)
        as(anna).when().get(bill + "?tip_percent=10&split=equal&parts=3").then().statusCode(200)
                .body("tip", equalTo(2.10f)).body("total", equalTo(23.10f))
                .body("split.parts.amount", equalTo(List.of(7.70f, 7.70f, 7.70f)));
        // 21.00 + 1.00 = 22.00 in three: 7.34 + 7.33 + 7.33 (the odd cent goes to the first part)
        as(ben).when().get(bill + "?tip_amount=1&split=equal&parts=3").then().statusCode(200)
                .body("total", equalTo(22.00f))
                .body("split.parts.amount", equalTo(List.of(7.34f, 7.33f, 7.33f)));
        // by items: Anna 11.50, Ben 9.50; tip 2.00 shared 1.09 / 0.90 (+1 cent to Anna) -> 12.60 + 10.40 = 23.00
        as(TestTokens.waiter(r.id)).when().get(bill + "?tip_amount=2.00&split=items").then().statusCode(200)
                .body("split.mode", equalTo("items"))
                .body("split.parts.diner_id", equalTo(List.of(annaId.toString(), benId.toString())))
                // neither gave the table a name
                .body("split.parts.name", equalTo(java.util.Arrays.asList(null, null)))
                .body("split.parts.subtotal", equalTo(List.of(11.50f, 9.50f)))
                .body("split.parts.tip", equalTo(List.of(1.10f, 0.90f)))
                .body("split.parts.amount", equalTo(List.of(12.60f, 10.40f)))
                .body("total", equalTo(23.00f));

        // an equal split names nobody
        as(anna).when().get(bill + "?split=equal&parts=2").then().statusCode(200)
                .body("split.parts.diner_id", equalTo(java.util.Arrays.asList(null, null)))
                .body("split.parts.name", equalTo(java.util.Arrays.asList(null, null)));

        as(anna).when().get(bill + "?tip_percent=10&tip_amount=2").then().statusCode(400);
        as(anna).when().get(bill + "?split=equal").then().statusCode(400).body("errors[0].field", equalTo("parts"));
        as(anna).when().get(bill + "?split=equal&parts=0").then().statusCode(400);
        as(anna).when().get(bill + "?tip_percent=lots").then().statusCode(400)
                .body("errors[0].field", equalTo("tip_percent"));
        as(anna).when().get(bill + "?tip_amount=1.234").then().statusCode(400);
        as(anna).when().get(bill + "?split=thirds").then().statusCode(400);
    }
}
