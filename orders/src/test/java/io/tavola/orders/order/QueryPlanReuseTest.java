package io.tavola.orders.order;

import static io.tavola.orders.testenv.Api.as;
import static io.tavola.orders.testenv.Api.line;
import static io.tavola.orders.testenv.Api.order;
import static io.tavola.orders.testenv.Api.status;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.benmanes.caffeine.cache.Cache;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.tavola.common.testkit.TestTokens;
import io.tavola.orders.testenv.TestRestaurant;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.internal.SessionFactoryImpl;
import org.hibernate.query.spi.QueryInterpretationCache;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

/**
 * Hibernate keeps one query plan per statement. Hibernate Reactive 3.2 never finds the plan of a native
 * select again (its result mapping wrapper has no equals), so each call added one: under load the cache
 * filled with entries of one hash, and every look-up walked them (5% of the orders service's CPU, issue
 * 15). The order path's reads therefore go through mapped entities; repeating it after a warm-up must
 * add no plan. On failure the message names the statements whose plans piled up.
 */
@QuarkusTest
class QueryPlanReuseTest {

    @Inject
    Mutiny.SessionFactory sessions;

    @Test
    void repeatingTheOrderPathAddsNoQueryPlan() throws Exception {
        TestRestaurant r = TestRestaurant.create();
        UUID pizza = r.item("Margherita", "9.50");
        r.publish();
        UUID table = UUID.randomUUID();
        String waiter = TestTokens.waiter(r.id);
        dinnerAt(r, pizza, table, waiter, 3);
        Map<String, Integer> warm = plansByStatement();

        dinnerAt(r, pizza, table, waiter, 20);

        assertEquals(warm, plansByStatement(), "plans per statement after 20 more orders, status changes and reads");
    }

    private static void dinnerAt(TestRestaurant r, UUID dish, UUID table, String waiter, int orders) {
        for (int i = 0; i < orders; i++) {
            String guest = TestTokens.guest(r.id, table);
            String id = as(guest).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(order(line(dish, 1)).encode()).when().post("/api/v1/orders")
                    .then().statusCode(201).extract().path("id");
            status(waiter, id, "PREPARING").then().statusCode(200);
            as(guest).when().get("/api/v1/sessions/current").then().statusCode(200);
            as(waiter).when().get("/api/v1/orders?size=5").then().statusCode(200);
        }
    }

    /**
     * The plan cache's keys, counted by the text they print as (a native select's key prints its SQL);
     * read by reflection: Hibernate Reactive offers no public way to its session factory's cache.
     */
    private Map<String, Integer> plansByStatement() throws ReflectiveOperationException {
        Mutiny.SessionFactory bean = ClientProxy.unwrap(sessions);
        SessionFactoryImpl factory = (SessionFactoryImpl) field(bean, "delegate");
        QueryInterpretationCache interpretations = factory.getQueryEngine().getInterpretationCache();
        Cache<?, ?> plans = (Cache<?, ?>) field(field(interpretations, "queryPlanCache"), "cache");
        Map<String, Integer> counts = new TreeMap<>();
        for (Object key : plans.asMap().keySet()) {
            Object sql = key.getClass().getSimpleName().equals("SelectInterpretationsKey") ? field(key, "sql") : key;
            counts.merge(String.valueOf(sql), 1, Integer::sum);
        }
        return counts;
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        var field = owner.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(owner);
    }
}
