package io.tavola.orders;

import static io.tavola.orders.testenv.Api.as;
import static io.tavola.orders.testenv.Api.line;
import static io.tavola.orders.testenv.Api.order;
import static io.tavola.orders.testenv.Api.place;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.tavola.common.testkit.TestTokens;
import io.tavola.orders.testenv.TestRestaurant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Ordering and calling the waiter while Redis cannot be reached. Orders are priced by the restaurant
 * service's quote (no menu version can be read to trust a price book with); the table's last service
 * request in the database keeps the cooldown (issue 12, drill 2 found a 500). Redis here is a port nothing
 * listens on, so the machine's Redis, which other tests use, stays up.
 */
@QuarkusTest
@TestProfile(WithoutRedisTest.RedisUnreachable.class)
class WithoutRedisTest {

    public static class RedisUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:1/1");
        }
    }

    @Test
    void ordersArePricedByTheRestaurantServiceAndAChangeReachesTheNextOrder() {
        TestRestaurant r = TestRestaurant.create();
        UUID pizza = r.item("Margherita", "9.50");
        UUID size = r.group(pizza, "Size", 1, 1);
        UUID large = r.option(pizza, size, "Large", "2.00");
        r.publish();
        String guest = TestTokens.guest(r.id, UUID.randomUUID());
        place(guest, order(line(pizza, 2, large))).then().statusCode(201).body("total_amount", equalTo(23.00f));
        place(guest, order(line(pizza, 1))).then().statusCode(400).body("type", containsString("invalid-order-item"));
        r.price(pizza, "10.00").publish();
        place(guest, order(line(pizza, 1, large))).then().statusCode(201).body("total_amount", equalTo(12.00f));
        assertEquals(0, r.calls().getInteger("book"), "no book is read without a version to trust it by");
        assertEquals(3, r.calls().getInteger("quote"));
    }

    @Test
    void aDinerCanCallTheWaiterAndTheCooldownStillHolds() {
        TestRestaurant r = TestRestaurant.create().set("service_request_cooldown_seconds", 60);
        UUID pizza = r.item("Margherita", "9.50");
        r.publish();
        UUID table = UUID.randomUUID();
        String guest = TestTokens.guest(r.id, table);
        String sessionId = place(guest, order(line(pizza, 1))).then().statusCode(201).extract().path("session_id");
        String path = "/api/v1/sessions/" + sessionId + "/service-requests";

        as(guest).body("{\"kind\": \"waiter\"}").when().post(path).then().statusCode(201).body("kind", equalTo("waiter"));
        as(TestTokens.guest(r.id, table)).body("{\"kind\": \"waiter\"}").when().post(path).then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", notNullValue());
        as(guest).body("{\"kind\": \"bill\"}").when().post(path).then().statusCode(201);
    }
}
