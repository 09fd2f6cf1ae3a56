package io.tavola.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.CloseReason;
import io.tavola.common.security.Caller;
import io.tavola.common.security.Role;
import io.tavola.common.security.TokenRevocations;
import io.tavola.common.testkit.TestTokens;
import io.tavola.gateway.support.LiveClient;
import io.tavola.gateway.support.TestDoubles;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, fault 1 at the edge: a revoked token (logout, deactivated or deleted user, revoked login,
 * a table's new code) was accepted by the gateway until it expired, plus a minute of leeway.
 */
@QuarkusTest
class RevocationTest {

    private static final Duration AT_ONCE = Duration.ofSeconds(3);

    @TestHTTPResource("/")
    URI base;

    @Inject
    TokenRevocations revocations;

    private final UUID restaurant = UUID.randomUUID();

    @Test
    void aRevokedUsersTokenIsRefusedAtTheEdgeAtOnce() {
        UUID user = UUID.randomUUID();
        String token = TestTokens.token(Role.WAITER, user, restaurant, null);
        given().auth().oauth2(token).get("/api/v1/orders/before-revocation").then().statusCode(200);

        revocations.revokeUser(user).await().atMost(AT_ONCE);

        given().auth().oauth2(token).get("/api/v1/orders/after-revocation").then().statusCode(401)
                .contentType("application/problem+json");
        assertFalse(TestDoubles.orders.saw("/api/v1/orders/after-revocation"), "a revoked token never reaches a service");
        // another user of the same restaurant is not affected
        given().auth().oauth2(TestTokens.waiter(restaurant)).get("/api/v1/orders/someone-else").then().statusCode(200);
    }

    @Test
    void aLoggedOutTokenAndARevokedLoginAreRefused() {
        String jti = UUID.randomUUID().toString();
        String loggedOut = TestTokens.builder(Role.CHEF, UUID.randomUUID(), restaurant, null).claim("jti", jti)
                .sign(TestTokens.signingKey());
        UUID family = UUID.randomUUID();
        String ofFamily = TestTokens.builder(Role.CHEF, UUID.randomUUID(), restaurant, null)
                .claim(Caller.FAMILY_CLAIM, family.toString()).sign(TestTokens.signingKey());
        given().auth().oauth2(loggedOut).get("/api/v1/orders/x").then().statusCode(200);
        given().auth().oauth2(ofFamily).get("/api/v1/orders/x").then().statusCode(200);

        revocations.revokeToken(jti, Instant.now().plusSeconds(1800).getEpochSecond()).await().atMost(AT_ONCE);
        revocations.revokeFamily(family).await().atMost(AT_ONCE);

        given().auth().oauth2(loggedOut).get("/api/v1/orders/x").then().statusCode(401);
        given().auth().oauth2(ofFamily).get("/api/v1/orders/x").then().statusCode(401);
    }

    @Test
    void guestTokensOfAnOlderTableGenerationAreRefused() {
        UUID table = UUID.randomUUID();
        String first = guest(table, 1);
        given().auth().oauth2(first).get("/api/v1/orders/guest-view").then().statusCode(200);

        // the table's code was replaced: generation 2 is the current one
        revocations.revokeTableBefore(table, 2).await().atMost(AT_ONCE);

        given().auth().oauth2(first).get("/api/v1/orders/guest-view").then().statusCode(401);
        given().auth().oauth2(TestTokens.guest(restaurant, table)).get("/api/v1/orders/guest-view").then()
                .statusCode(401); // no generation at all: older than any code
        given().auth().oauth2(guest(table, 2)).get("/api/v1/orders/guest-view").then().statusCode(200);
        given().auth().oauth2(guest(UUID.randomUUID(), 1)).get("/api/v1/orders/guest-view").then().statusCode(200);
    }

    @Test
    void aKitchenScreenClosesWhenItsUserIsRevoked() {
        UUID user = UUID.randomUUID();
        try (LiveClient kitchen = LiveClient.connect(base, "/ws/kitchen/" + restaurant,
                TestTokens.token(Role.CHEF, user, restaurant, null));
                LiveClient colleague = LiveClient.connect(base, "/ws/kitchen/" + restaurant,
                        TestTokens.chef(restaurant))) {
            kitchen.await(f -> "snapshot".equals(f.getString("kind")), Duration.ofSeconds(10));
            colleague.await(f -> "snapshot".equals(f.getString("kind")), Duration.ofSeconds(10));

            revocations.revokeUser(user).await().atMost(AT_ONCE);

            CloseReason reason = kitchen.awaitClose(AT_ONCE);
            assertEquals(1008, reason.getCode());
            assertEquals(true, colleague.isOpen(), "only the revoked user's screen closes");
        }
        // and it cannot come back with that token
        assertEquals(401, LiveClient.refusal(base, "/ws/kitchen/" + restaurant, revokedChefToken(user)));
    }

    @Test
    void expiryLeewayIsAFewSecondsNotAMinute() {
        String expiredTenSecondsAgo = TestTokens.builder(Role.WAITER, UUID.randomUUID(), restaurant, null)
                .issuedAt(Instant.now().minusSeconds(1800)).expiresAt(Instant.now().minusSeconds(10))
                .sign(TestTokens.signingKey());
        given().auth().oauth2(expiredTenSecondsAgo).get("/api/v1/orders/x").then().statusCode(401);
    }

    /**
     * Redis away: fail-open, as documented (docs/security.md). Tokens pass on signature and expiry, and a
     * revocation this replica already learned stays in force.
     */
    @Test
    void withRedisAwayTokensPassButKnownRevocationsStayInForce() {
        UUID revokedUser = UUID.randomUUID();
        String revoked = TestTokens.token(Role.WAITER, revokedUser, restaurant, null);
        revocations.revokeUser(revokedUser).await().atMost(AT_ONCE);
        TestDoubles.redis.cut();
        try {
            given().auth().oauth2(TestTokens.waiter(restaurant)).get("/api/v1/orders/redis-away").then()
                    .statusCode(200);
            given().auth().oauth2(revoked).get("/api/v1/orders/redis-away").then().statusCode(401)
                    .body("status", equalTo(401));
        } finally {
            TestDoubles.redis.restore();
        }
    }

    private String guest(UUID table, long generation) {
        return TestTokens.builder(Role.GUEST, UUID.randomUUID(), restaurant, table)
                .claim(Caller.TABLE_GENERATION_CLAIM, generation).sign(TestTokens.signingKey());
    }

    /** A token of the user issued before its revocation (issued-at one minute ago). */
    private String revokedChefToken(UUID user) {
        return TestTokens.builder(Role.CHEF, user, restaurant, null).issuedAt(Instant.now().minusSeconds(60))
                .sign(TestTokens.signingKey());
    }
}
