package io.tavola.orders.session;

import static io.tavola.orders.testenv.Api.as;
import static io.tavola.orders.testenv.Api.line;
import static io.tavola.orders.testenv.Api.order;
import static io.tavola.orders.testenv.Api.place;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.tavola.common.testkit.TestTokens;
import io.tavola.orders.testenv.TestRestaurant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Calling the waiter while Redis cannot be reached (issue 12, drill 2 found a 500): the table's last
 * request in the database keeps the cooldown. Redis here is a port nothing listens on, so the
 * machine's Redis, which other tests use, stays up.
 */
@QuarkusTest
@TestProfile(ServiceRequestsWithoutRedisTest.RedisUnreachable.class)
class ServiceRequestsWithoutRedisTest {

    public static class RedisUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:1/1");
        }
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
