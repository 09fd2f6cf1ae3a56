package io.tavola.orders;

import static io.tavola.orders.testenv.Api.line;
import static io.tavola.orders.testenv.Api.order;
import static io.tavola.orders.testenv.Api.place;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.tavola.common.testkit.TestTokens;
import io.tavola.orders.testenv.TestRestaurant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A Redis that takes connections and never answers (a hung server, not a stopped one): every read of
 * the menu version times out, and the order must still be placed, priced by the restaurant service,
 * with the rest of the pipeline back on the request's own context (a timeout fires on another thread).
 */
@QuarkusTest
@TestProfile(SilentRedisTest.SilentRedis.class)
class SilentRedisTest {

    public static class SilentRedis implements QuarkusTestProfile {

        private static final List<Socket> HELD = new CopyOnWriteArrayList<>();
        private static final ServerSocket SERVER = listen();

        private static ServerSocket listen() {
            try {
                ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                Thread accepter = new Thread(() -> {
                    while (!server.isClosed()) {
                        try {
                            HELD.add(server.accept());
                        } catch (IOException e) {
                            return;
                        }
                    }
                }, "silent-redis");
                accepter.setDaemon(true);
                accepter.start();
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:" + SERVER.getLocalPort() + "/1");
        }
    }

    @Test
    void anOrderIsPricedByTheRestaurantServiceWhenRedisHangs() {
        TestRestaurant r = TestRestaurant.create();
        UUID pizza = r.item("Margherita", "9.50");
        r.publish();
        String guest = TestTokens.guest(r.id, UUID.randomUUID());
        place(guest, order(line(pizza, 2))).then().statusCode(201).body("total_amount", equalTo(19.00f));
        assertEquals(1, r.calls().getInteger("quote"));
    }
}
