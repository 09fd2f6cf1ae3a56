package io.tavola.gateway.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import io.tavola.common.security.Role;
import io.tavola.common.testkit.TestTokens;
import io.tavola.gateway.support.TestDoubles;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The edge remembers tokens that verified (issue 15) so their next requests skip the signature check:
 * what it remembers must never outlive the token, and must never stand in for a token that only looks
 * like it. Revocation of a remembered token: {@link RevocationTest}, whose tokens are all remembered.
 */
@QuarkusTest
class RememberedTokensTest {

    private final UUID restaurant = UUID.randomUUID();

    @Test
    void aRememberedTokenIsRefusedOnceItExpired() throws InterruptedException {
        Instant expiry = Instant.now().plusSeconds(2);
        String token = TestTokens.builder(Role.CHEF, UUID.randomUUID(), restaurant, null)
                .expiresAt(expiry).sign(TestTokens.signingKey());
        given().auth().oauth2(token).get("/api/v1/orders/fresh").then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/orders/remembered").then().statusCode(200);

        // past the expiry and the 5 s of leeway every service allows (mp.jwt.verify.clock.skew)
        Thread.sleep(Math.max(0, expiry.toEpochMilli() + 6_500 - System.currentTimeMillis()));

        given().auth().oauth2(token).get("/api/v1/orders/expired-token").then().statusCode(401)
                .contentType("application/problem+json");
        assertFalse(TestDoubles.orders.saw("/api/v1/orders/expired-token"), "an expired token never reaches a service");
    }

    @Test
    void aTamperedCopyOfARememberedTokenIsRefused() {
        String token = TestTokens.chef(restaurant);
        given().auth().oauth2(token).get("/api/v1/orders/original").then().statusCode(200);
        String[] parts = token.split("\\.");
        String otherPayload = TestTokens.master().split("\\.")[1];

        given().auth().oauth2(parts[0] + "." + otherPayload + "." + parts[2]).get("/api/v1/orders/tampered")
                .then().statusCode(401);
        given().auth().oauth2(token.substring(0, token.length() - 2)).get("/api/v1/orders/cut-signature")
                .then().statusCode(401);
        assertFalse(TestDoubles.orders.saw("/api/v1/orders/tampered"), "a tampered token never reaches a service");
    }
}
