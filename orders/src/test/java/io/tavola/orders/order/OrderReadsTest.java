package io.tavola.orders.order;

import static io.tavola.orders.testenv.Api.as;
import static io.tavola.orders.testenv.Api.line;
import static io.tavola.orders.testenv.Api.order;
import static io.tavola.orders.testenv.Api.placed;
import static io.tavola.orders.testenv.Api.status;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.tavola.common.testkit.TestTokens;
import io.tavola.orders.testenv.Sql;
import io.tavola.orders.testenv.TestRestaurant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrderReadsTest {

    @Test
    void theKitchenBoardShowsActiveOrdersOldestFirstWithFiltersAndPaging() {
        TestRestaurant r = TestRestaurant.create();
        UUID pizza = r.item("Margherita", "9.50");
        r.publish();
        UUID table = UUID.randomUUID();
        String waiter = TestTokens.waiter(r.id);
        String first = placed(TestTokens.guest(r.id, table), order(line(pizza, 1)));
        String second = placed(TestTokens.guest(r.id, UUID.randomUUID()), order(line(pizza, 2)));
        String third = placed(TestTokens.guest(r.id, table), order(line(pizza, 3)));
        String done = placed(TestTokens.guest(r.id, UUID.randomUUID()), order(line(pizza, 1)));
        for (String step : List.of("PREPARING", "READY", "SERVED")) {
            status(waiter, done, step).then().statusCode(200);
        }
        // placed a minute apart, oldest first
        Sql.exec("update orders.customer_order set created_at = now() - interval '10 minutes' where id = '" + first + "'");
        Sql.exec("update orders.customer_order set created_at = now() - interval '9 minutes' where id = '" + second + "'");
        Sql.exec("update orders.customer_order set created_at = now() - interval '8 minutes' where id = '" + third + "'");
        String chef = TestTokens.chef(r.id);

        as(chef).when().get("/api/v1/orders?active=true").then().statusCode(200)
                .body("items.id", equalTo(List.of(first, second, third)))
                .body("total", equalTo(3));
        as(chef).when().get("/api/v1/orders?active=true&page=1&size=2").then().statusCode(200)
                .body("items.id", equalTo(List.of(third))).body("page", equalTo(1)).body("size", equalTo(2))
                .body("total", equalTo(3));
        as(chef).when().get("/api/v1/orders?status=SERVED").then().statusCode(200)
                .body("items.id", equalTo(List.of(done)));
        as(chef).when().get("/api/v1/orders?table_id=" + table).then().statusCode(200)
                .body("items.id", equalTo(List.of(third, first)));
        as(chef).when().get("/api/v1/orders?from=" + java.time.Instant.now().minusSeconds(540)).then().statusCode(200)
                .body("items.id", equalTo(List.of(done, third)));
        as(chef).when().get("/api/v1/orders").then().statusCode(200).body("total", equalTo(4));

        as(chef).when().get("/api/v1/orders?status=COOKED").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        as(chef).when().get("/api/v1/orders?from=yesterday").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        as(chef).when().get("/api/v1/orders?table_id=12").then().statusCode(400)
                .body("errors[0].field", equalTo("table_id"));
        as(chef).when().get("/api/v1/orders?size=500").then().statusCode(400);
    }

    @Test
    void listsAreScopedToTheCallersRestaurantTableOrAccount() {
        TestRestaurant r = TestRestaurant.create();
        UUID pizza = r.item("Margherita", "9.50");
        r.publish();
        UUID customerId = UUID.randomUUID();
        String customer = TestTokens.customer(customerId);
        String takeaway = placed(customer, order(line(pizza, 1)).put("type", "takeaway").put("restaurant_id", r.id.toString()));
        UUID table = UUID.randomUUID();
        String dineIn = placed(TestTokens.guest(r.id, table), order(line(pizza, 1)));

        as(customer).when().get("/api/v1/orders").then().statusCode(200).body("items.id", equalTo(List.of(takeaway)))
                .body("items[0].customer_id", equalTo(customerId.toString()));
        as(customer).when().get("/api/v1/orders/" + takeaway).then().statusCode(200);
        as(customer).when().get("/api/v1/orders/" + dineIn).then().statusCode(404);
        as(TestTokens.customer(UUID.randomUUID())).when().get("/api/v1/orders/" + takeaway).then().statusCode(404);
        as(TestTokens.customer(UUID.randomUUID())).when().get("/api/v1/orders").then().statusCode(200)
                .body("items", hasSize(0));

        as(TestTokens.guest(r.id, table)).when().get("/api/v1/orders").then().statusCode(200)
                .body("items.id", equalTo(List.of(dineIn)));
        as(TestTokens.guest(r.id, UUID.randomUUID())).when().get("/api/v1/orders").then().statusCode(200)
                .body("items", hasSize(0));
        as(TestTokens.guest(r.id, UUID.randomUUID())).when().get("/api/v1/orders/" + dineIn).then().statusCode(404);

        UUID other = UUID.randomUUID();
        as(TestTokens.admin(other)).when().get("/api/v1/orders").then().statusCode(200).body("total", equalTo(0));
        as(TestTokens.admin(other)).when().get("/api/v1/orders?restaurant_id=" + r.id).then().statusCode(404);
        as(TestTokens.waiter(other)).when().get("/api/v1/orders/" + dineIn).then().statusCode(404);
        as(TestTokens.master()).when().get("/api/v1/orders").then().statusCode(400)
                .body("errors[0].field", equalTo("restaurant_id"));
        as(TestTokens.master()).when().get("/api/v1/orders?restaurant_id=" + r.id).then().statusCode(200)
                .body("total", equalTo(2));
        as(TestTokens.waiter(r.id)).when().get("/api/v1/orders").then().statusCode(200).body("total", equalTo(2));
    }
}
