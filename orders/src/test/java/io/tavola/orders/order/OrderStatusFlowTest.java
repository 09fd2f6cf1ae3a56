package io.tavola.orders.order;

import static io.tavola.orders.testenv.Api.as;
import static io.tavola.orders.testenv.Api.line;
import static io.tavola.orders.testenv.Api.order;
import static io.tavola.orders.testenv.Api.placed;
import static io.tavola.orders.testenv.Api.status;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.tavola.common.testkit.Tables;
import io.tavola.common.testkit.TestTokens;
import io.tavola.orders.testenv.TestRestaurant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrderStatusFlowTest {

    private static final List<String> ALL = List.of("PENDING", "CONFIRMED", "PREPARING", "READY", "SERVED",
            "COMPLETED", "CANCELLED");
    /** DESIGN.md: the only moves there are. */
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "PENDING", List.of("CONFIRMED", "CANCELLED"),
            "CONFIRMED", List.of("PREPARING", "CANCELLED"),
            "PREPARING", List.of("READY"),
            "READY", List.of("SERVED"),
            "SERVED", List.of("COMPLETED"),
            "COMPLETED", List.of(),
            "CANCELLED", List.of());
    /** How to bring a fresh PENDING order to each status. */
    private static final Map<String, List<String>> PATH = Map.of(
            "PENDING", List.of(),
            "CONFIRMED", List.of("CONFIRMED"),
            "PREPARING", List.of("CONFIRMED", "PREPARING"),
            "READY", List.of("CONFIRMED", "PREPARING", "READY"),
            "SERVED", List.of("CONFIRMED", "PREPARING", "READY", "SERVED"),
            "COMPLETED", List.of("CONFIRMED", "PREPARING", "READY", "SERVED", "COMPLETED"),
            "CANCELLED", List.of("CANCELLED"));

    @Test
    void theWholeFlowIsRecordedWithWhoAndWhen() {
        TestRestaurant r = guarded();
        UUID pizza = r.item("Margherita", "9.50");
        r.publish();
        UUID guestTable = UUID.randomUUID();
        String id = placed(TestTokens.guest(r.id, guestTable), order(line(pizza, 1)));
        String waiter = TestTokens.waiter(r.id);
        String chef = TestTokens.chef(r.id);
        status(waiter, id, "CONFIRMED").then().statusCode(200).body("status", equalTo("CONFIRMED"));
        status(chef, id, "preparing").then().statusCode(200).body("status", equalTo("PREPARING"));
        status(chef, id, "READY").then().statusCode(200);
        status(waiter, id, "SERVED").then().statusCode(200);
        status(TestTokens.admin(r.id), id, "COMPLETED").then().statusCode(200)
                .body("status_history.to", equalTo(List.of("PENDING", "CONFIRMED", "PREPARING", "READY", "SERVED",
                        "COMPLETED")))
                .body("status_history.from[1]", equalTo("PENDING"))
                .body("status_history.by_role", equalTo(List.of("guest", "waiter", "chef", "chef", "waiter",
                        "restaurant_admin")))
                .body("status_history.at", hasSize(6));
        assertEquals(1, Tables.count("select count(*) from orders.customer_order where id = '" + id
                + "' and preparing_at is not null and ready_at >= preparing_at and confirmed_at is not null"
                + " and served_at is not null and completed_at is not null"));
        as(TestTokens.master()).when().get("/api/v1/orders/" + id).then().statusCode(200)
                .body("status_history", hasSize(6)).body("updated_at", notNullValue());
    }

    @Test
    void everyTransitionOutsideTheFlowIsAConflict() {
        TestRestaurant r = guarded();
        UUID pizza = r.item("Margherita", "9.50");
        r.publish();
        String admin = TestTokens.admin(r.id);
        for (String from : ALL) {
            String id = placed(TestTokens.guest(r.id, UUID.randomUUID()), order(line(pizza, 1)));
            for (String step : PATH.get(from)) {
                status(admin, id, step).then().statusCode(200);
            }
            for (String to : ALL) {
                if (!ALLOWED.get(from).contains(to)) {
                    status(admin, id, to).then().statusCode(409).contentType("application/problem+json");
                }
            }
            as(admin).when().get("/api/v1/orders/" + id).then().body("status", equalTo(from))
                    .body("status_history", hasSize(PATH.get(from).size() + 1));
        }
        status(admin, UUID.randomUUID().toString(), "CONFIRMED").then().statusCode(404);
        status(admin, placed(TestTokens.guest(r.id, UUID.randomUUID()), order(line(pizza, 1))), "COOKED")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aGuestMayOnlyCancelItsOwnPendingOrder() {
        TestRestaurant r = guarded();
        UUID pizza = r.item("Margherita", "9.50");
        r.publish();
        UUID table = UUID.randomUUID();
        String guest = TestTokens.guest(r.id, table);
        String neighbour = TestTokens.guest(r.id, table);
        String mine = placed(guest, order(line(pizza, 1)));
        String theirs = placed(neighbour, order(line(pizza, 1)));

        status(guest, theirs, "CANCELLED").then().statusCode(403);
        status(guest, mine, "CONFIRMED").then().statusCode(403);
        status(guest, mine, "CANCELLED").then().statusCode(200).body("status", equalTo("CANCELLED"))
                .body("status_history[1].by_role", equalTo("guest"));

        String confirmed = placed(guest, order(line(pizza, 1)));
        status(TestTokens.waiter(r.id), confirmed, "CONFIRMED").then().statusCode(200);
        status(guest, confirmed, "CANCELLED").then().statusCode(409);
        // a guest of another table does not even see the order
        status(TestTokens.guest(r.id, UUID.randomUUID()), theirs, "CANCELLED").then().statusCode(404);
    }

    @Test
    void onlyWaitersAndAdminsSettleTheWalkoutGuard() {
        TestRestaurant r = guarded();
        UUID pizza = r.item("Margherita", "9.50");
        r.publish();
        String id = placed(TestTokens.guest(r.id, UUID.randomUUID()), order(line(pizza, 1)));
        status(TestTokens.chef(r.id), id, "CONFIRMED").then().statusCode(403);
        status(TestTokens.customer(UUID.randomUUID()), id, "CONFIRMED").then().statusCode(404);
        status(TestTokens.waiter(r.id), id, "CANCELLED").then().statusCode(200);
    }

    @Test
    void staffOfAnotherRestaurantCannotSeeOrMoveAnOrder() {
        TestRestaurant r = guarded();
        UUID pizza = r.item("Margherita", "9.50");
        r.publish();
        String id = placed(TestTokens.guest(r.id, UUID.randomUUID()), order(line(pizza, 1)));
        UUID other = UUID.randomUUID();
        for (String token : List.of(TestTokens.admin(other), TestTokens.waiter(other), TestTokens.chef(other),
                TestTokens.guest(other, UUID.randomUUID()))) {
            status(token, id, "CONFIRMED").then().statusCode(404).contentType("application/problem+json");
            as(token).when().get("/api/v1/orders/" + id).then().statusCode(404);
        }
        as(TestTokens.admin(r.id)).when().get("/api/v1/orders/" + id).then().statusCode(200)
                .body("status", equalTo("PENDING")).body("status_history", hasSize(1));
    }

    private static TestRestaurant guarded() {
        return TestRestaurant.create().set("order_confirmation_required", true);
    }
}
