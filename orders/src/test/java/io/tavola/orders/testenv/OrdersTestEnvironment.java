package io.tavola.orders.testenv;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tavola.common.testkit.TcpProxy;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.redis.client.Redis;
import java.util.Map;

/**
 * What the orders service needs around it in tests: an in-process double of the restaurant service's
 * HTTP API and a cuttable proxy in front of RabbitMQ for the outbox relay. Tests steer both over HTTP
 * (system property {@code tavola.test.double-url}): fixtures at {@code /__fixtures/...}, the broker at
 * {@code /__broker/cut|restore}, PostgreSQL (the service's reactive connections) at {@code /__database/cut|restore}.
 * Registered once for every test class (and the packaged-jar ITs), so all share one application start.
 */
@QuarkusTestResource(OrdersTestEnvironment.class)
public class OrdersTestEnvironment implements QuarkusTestResourceLifecycleManager {

    static final String DOUBLE_URL = "tavola.test.double-url";

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        try {
            vertx = Vertx.vertx();
            String brokerHost = System.getProperty("rabbitmq-host", env("RABBITMQ_HOST", "127.0.0.1"));
            int brokerPort = Integer.parseInt(System.getProperty("rabbitmq-port", env("RABBITMQ_PORT", "5672")));
            TcpProxy proxy = TcpProxy.start(vertx, brokerHost, brokerPort);
            int proxyPort = proxy.port();
            // the service's reactive datasource goes through a proxy too, so a test can take PostgreSQL away
            // from this service alone (Flyway and the tests' own SQL connect directly)
            String dbHost = env("DB_HOST", "127.0.0.1");
            int dbPort = Integer.parseInt(env("DB_PORT", "5432"));
            TcpProxy database = TcpProxy.start(vertx, dbHost, dbPort);
            // the tests' Redis database (application.properties, %test)
            Redis redis = Redis.createClient(vertx, "redis://" + env("REDIS_HOST", "127.0.0.1") + ":"
                    + env("REDIS_PORT", "6379") + "/1");
            RestaurantDouble restaurant = new RestaurantDouble(redis);
            Router router = restaurant.router(vertx);
            router.post("/__broker/cut").handler(rc -> {
                proxy.cut();
                rc.response().setStatusCode(204).end();
            });
            router.post("/__broker/restore").handler(rc -> {
                proxy.restore();
                rc.response().setStatusCode(204).end();
            });
            router.post("/__database/cut").handler(rc -> {
                database.cut();
                rc.response().setStatusCode(204).end();
            });
            router.post("/__database/restore").handler(rc -> {
                database.restore();
                rc.response().setStatusCode(204).end();
            });
            int port = RestaurantDouble.start(vertx, router).actualPort();
            String url = "http://127.0.0.1:" + port;
            // JVM-wide, so tests find the double both beside @QuarkusTest and beside the packaged jar
            System.setProperty(DOUBLE_URL, url);
            return Map.of(
                    "quarkus.rest-client.restaurant.url", url,
                    "tavola.outbox.broker.host", "127.0.0.1",
                    "tavola.outbox.broker.port", Integer.toString(proxyPort),
                    "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + database.port() + "/"
                            + env("DB_TEST_NAME", "tavola_test"));
        } catch (Exception e) {
            throw new IllegalStateException("test environment did not start", e);
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
