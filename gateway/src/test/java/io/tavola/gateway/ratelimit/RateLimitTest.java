package io.tavola.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static io.tavola.common.testkit.Management.management;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.tavola.common.security.Role;
import io.tavola.common.testkit.TestTokens;
import io.tavola.gateway.support.FromAddress;
import io.tavola.gateway.support.TestDoubles;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RateLimitTest {

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "tavola.rate-limit.key-prefix")
    String keyPrefix;

    private final UUID restaurant = UUID.randomUUID();

    @Test
    void the101stRequestInTheWindowIs429() {
        String token = TestTokens.token(Role.WAITER, UUID.randomUUID(), restaurant, null);
        for (int i = 1; i <= 100; i++) {
            given().auth().oauth2(token).get("/api/v1/orders/{id}", "o-" + i).then().statusCode(200)
                    .header("RateLimit-Limit", "100")
                    .header("RateLimit-Remaining", Integer.toString(100 - i))
                    .header("RateLimit-Reset", not(nullValue()));
        }
        given().auth().oauth2(token).get("/api/v1/orders/o-101").then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("https://tavola.io/problems/too-many-requests"))
                .body("status", equalTo(429))
                .header("Retry-After", not(nullValue()))
                .header("RateLimit-Limit", "100")
                .header("RateLimit-Remaining", "0");
        assertFalse(TestDoubles.orders.saw("/api/v1/orders/o-101"), "a refused request never reaches the service");
        // another user still has a full budget
        given().auth().oauth2(TestTokens.waiter(restaurant)).get("/api/v1/orders/o-101").then().statusCode(200)
                .header("RateLimit-Remaining", "99");
    }

    @Test
    void gatewayReplicasShareOneBudget() {
        // a second replica: its own Redis client straight to the server, the same keys
        Redis otherClient = Redis.createClient(vertx, "redis://"
                + System.getenv().getOrDefault("REDIS_HOST", "127.0.0.1") + ":"
                + System.getenv().getOrDefault("REDIS_PORT", "6379") + "/1");
        try {
            RateLimiter otherReplica = new RateLimiter(otherClient, keyPrefix, Duration.ofSeconds(2));
            RatePolicy api = new RatePolicy("api", 100, 60);
            UUID user = UUID.randomUUID();
            String token = TestTokens.token(Role.CHEF, user, restaurant, null);

            given().auth().oauth2(token).get("/api/v1/analytics/summary").then().statusCode(200)
                    .header("RateLimit-Remaining", "99");
            RateDecision second = otherReplica.hit(api, "user:" + user).await().atMost(Duration.ofSeconds(5));
            assertTrue(second.allowed());
            assertEquals(98, second.remaining());

            for (int i = 0; i < 98; i++) {
                otherReplica.hit(api, "user:" + user).await().atMost(Duration.ofSeconds(5));
            }
            given().auth().oauth2(token).get("/api/v1/analytics/summary").then().statusCode(429)
                    .header("Retry-After", not(nullValue()));
        } finally {
            otherClient.close();
        }
    }

    /**
     * The script is called by its hash; a Redis that lost its scripts (a restart, a failover, SCRIPT FLUSH:
     * no code of Tavola's relies on a loaded script but this one) still counts every request exactly once.
     */
    @Test
    void aRedisThatForgotTheScriptStillCountsOncePerRequest() {
        Redis client = Redis.createClient(vertx, "redis://"
                + System.getenv().getOrDefault("REDIS_HOST", "127.0.0.1") + ":"
                + System.getenv().getOrDefault("REDIS_PORT", "6379") + "/1");
        try {
            RateLimiter limiter = new RateLimiter(client, keyPrefix, Duration.ofSeconds(2));
            RatePolicy api = new RatePolicy("api", 100, 60);
            String subject = "user:" + UUID.randomUUID();
            assertEquals(99, limiter.hit(api, subject).await().atMost(Duration.ofSeconds(5)).remaining());
            client.send(Request.cmd(Command.SCRIPT).arg("FLUSH")).await().atMost(Duration.ofSeconds(5));
            RateDecision afterFlush = limiter.hit(api, subject).await().atMost(Duration.ofSeconds(5));
            assertTrue(afterFlush.enforced(), "counted, not failed open");
            assertEquals(98, afterFlush.remaining());
            assertEquals(97, limiter.hit(api, subject).await().atMost(Duration.ofSeconds(5)).remaining());
        } finally {
            client.close();
        }
    }

    @Test
    void loginHasItsOwnStricterBudgetPerAddress() {
        // the test profile allows 5 logins a minute per address
        for (int i = 0; i < 5; i++) {
            given().contentType("application/json").body("{\"username\":\"u\",\"password\":\"p\"}")
                    .post("/api/v1/auth/login").then().statusCode(201).header("RateLimit-Limit", "5");
        }
        given().contentType("application/json").body("{\"username\":\"u\",\"password\":\"p\"}")
                .post("/api/v1/auth/login").then().statusCode(429).header("Retry-After", not(nullValue()));
        // the general budget of the same address is untouched
        given().get("/api/v1/auth/jwks").then().statusCode(200).header("RateLimit-Limit", "100");
    }

    @Test
    void guestsOfOneTableShareOneBudgetHoweverManyTokensWereMinted() {
        // issue 12, fault 8: each minted guest token had a fresh budget of its own
        UUID table = UUID.randomUUID();
        String[] tokens = new String[5];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = TestTokens.guest(restaurant, table);
        }
        // the test profile gives a table 30 requests a minute
        for (int i = 1; i <= 30; i++) {
            given().auth().oauth2(tokens[i % tokens.length]).get("/api/v1/orders/mine").then().statusCode(200)
                    .header("RateLimit-Limit", "30")
                    .header("RateLimit-Remaining", Integer.toString(30 - i));
        }
        given().auth().oauth2(TestTokens.guest(restaurant, table)).get("/api/v1/orders/mine")
                .then().statusCode(429).contentType("application/problem+json").header("Retry-After", not(nullValue()));
        // another table of the same restaurant, and staff of it, count on their own
        given().auth().oauth2(TestTokens.guest(restaurant, UUID.randomUUID())).get("/api/v1/orders/mine")
                .then().statusCode(200).header("RateLimit-Remaining", "29");
        given().auth().oauth2(TestTokens.waiter(restaurant)).get("/api/v1/orders/mine")
                .then().statusCode(200).header("RateLimit-Limit", "100");
        // the same table id in another restaurant is another table
        given().auth().oauth2(TestTokens.guest(UUID.randomUUID(), table)).get("/api/v1/orders/mine")
                .then().statusCode(200).header("RateLimit-Remaining", "29");
    }

    @Test
    void guestTokenMintsCountPerAddressWhateverTokenComesWithThem() {
        String address = FromAddress.fresh();
        String body = "{\"qr_token\":\"qr-1\"}";
        // 20 mints a minute per address, each carrying a token of its own (as a client reusing the last one)
        for (int i = 1; i <= 20; i++) {
            FromAddress.from(address).auth().oauth2(TestTokens.guest(restaurant, UUID.randomUUID()))
                    .contentType("application/json").body(body).post("/api/v1/auth/guest")
                    .then().statusCode(201).header("RateLimit-Limit", "20")
                    .header("RateLimit-Remaining", Integer.toString(20 - i));
        }
        FromAddress.from(address).auth().oauth2(TestTokens.guest(restaurant, UUID.randomUUID()))
                .contentType("application/json").body(body).post("/api/v1/auth/guest").then().statusCode(429);
        FromAddress.from(address).contentType("application/json").body(body).post("/api/v1/auth/guest")
                .then().statusCode(429);
        FromAddress.from(FromAddress.fresh()).contentType("application/json").body(body).post("/api/v1/auth/guest")
                .then().statusCode(201).header("RateLimit-Remaining", "19");
    }

    @Test
    void aTokenDoesNotBuyAFreshLoginBudget() {
        String address = FromAddress.fresh();
        String body = "{\"username\":\"u\",\"password\":\"p\"}";
        for (int i = 0; i < 5; i++) {
            FromAddress.from(address).auth().oauth2(TestTokens.chef(restaurant)).contentType("application/json")
                    .body(body).post("/api/v1/auth/login").then().statusCode(201);
        }
        FromAddress.from(address).auth().oauth2(TestTokens.chef(restaurant)).contentType("application/json")
                .body(body).post("/api/v1/auth/login").then().statusCode(429);
    }

    @Test
    void withoutRedisTheGatewayKeepsServingAndSaysSo() {
        String token = TestTokens.chef(restaurant);
        management().get("/q/health/ready").then().statusCode(200)
                .body("checks.data.rate_limiting", hasItem("redis"));
        TestDoubles.redis.cut();
        try {
            for (int i = 0; i < 3; i++) {
                given().auth().oauth2(token).get("/api/v1/analytics/summary").then().statusCode(200)
                        .header("RateLimit-Limit", nullValue());
            }
            management().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                    .body("checks.data.rate_limiting", hasItem("fail-open"));
        } finally {
            TestDoubles.redis.restore();
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().auth().oauth2(token).get("/api/v1/analytics/summary")
                        .header("RateLimit-Limit") != null);
        management().get("/q/health/ready").then().body("checks.data.rate_limiting", hasItem("redis"));
    }
}
