package io.tavola.auth;

import static io.tavola.auth.AuthApi.PASSWORD;
import static io.tavola.auth.AuthApi.as;
import static io.tavola.auth.AuthApi.claims;
import static io.tavola.auth.AuthApi.createUser;
import static io.tavola.auth.AuthApi.login;
import static io.tavola.auth.AuthApi.masterToken;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, fault 1: auth writes every revocation into the shared deny-list that every other service
 * and the gateway read (they refused nothing before: only auth kept logged-out token ids). The entries
 * are read here straight from Redis, as the other services read them.
 */
@QuarkusTest
class RevocationTest {

    private static final String PREFIX = "tavola:revoked:";

    @Inject
    RedisDataSource redis;

    private String entry(String key) {
        return redis.value(String.class).get(PREFIX + key);
    }

    @Test
    void logoutDeniesTheAccessTokenAndItsLoginEverywhere() {
        String waiter = createUser("waiter", UUID.randomUUID());
        var pair = login(waiter, PASSWORD).then().statusCode(200).extract();
        String access = pair.path("access_token");
        Map<String, Object> claims = claims(access);
        assertNotNull(claims.get("fid"), "access tokens name their login family");

        as(access).body(Map.of("refresh_token", pair.path("refresh_token"))).post("/api/v1/auth/logout")
                .then().statusCode(204);

        assertNotNull(entry("jti:" + claims.get("jti")));
        assertNotNull(entry("family:" + claims.get("fid")));
        as(access).get("/api/v1/auth/me").then().statusCode(401).contentType("application/problem+json");
        // logging out again with the revoked token still works (the refresh token decides)
        as(access).body(Map.of("refresh_token", pair.path("refresh_token"))).post("/api/v1/auth/logout")
                .then().statusCode(204);
    }

    @Test
    void deletingAUserDeniesItsTokensEverywhere() {
        String chef = createUser("chef", UUID.randomUUID());
        String id = AuthApi.userId(chef);
        String access = AuthApi.accessToken(chef, PASSWORD);
        long issuedAt = ((Number) claims(access).get("iat")).longValue();

        as(masterToken()).delete("/api/v1/users/" + id).then().statusCode(204);

        String notBefore = entry("user:" + id);
        assertNotNull(notBefore);
        assertTrue(Long.parseLong(notBefore) > issuedAt, "tokens issued before the deletion are refused");
        as(access).get("/api/v1/auth/me").then().statusCode(401);
    }

    @Test
    void deactivatingAUserDeniesItsTokensEverywhere() {
        String waiter = createUser("waiter", UUID.randomUUID());
        String id = AuthApi.userId(waiter);
        String access = AuthApi.accessToken(waiter, PASSWORD);
        as(masterToken()).body(Map.of("is_active", false)).put("/api/v1/users/" + id).then().statusCode(200);
        assertNotNull(entry("user:" + id));
        as(access).get("/api/v1/auth/me").then().statusCode(401);
    }

    @Test
    void aRoleChangeEndsTheTokensOfTheOldRole() {
        String waiter = createUser("waiter", UUID.randomUUID());
        String id = AuthApi.userId(waiter);
        String access = AuthApi.accessToken(waiter, PASSWORD);
        as(masterToken()).body(Map.of("role", "chef")).put("/api/v1/users/" + id).then().statusCode(200);
        // before: the account is active, so /me accepted the waiter token for its 30 minutes
        as(access).get("/api/v1/auth/me").then().statusCode(401);
        assertNotNull(entry("user:" + id));
    }

    @Test
    void anUnrelatedChangeEndsNoToken() {
        String waiter = createUser("waiter", UUID.randomUUID());
        String id = AuthApi.userId(waiter);
        String access = AuthApi.accessToken(waiter, PASSWORD);
        as(masterToken()).body(Map.of("email", "new-" + UUID.randomUUID() + "@example.com"))
                .put("/api/v1/users/" + id).then().statusCode(200);
        as(access).get("/api/v1/auth/me").then().statusCode(200);
        assertEquals(null, entry("user:" + id));
    }

    @Test
    void aReusedRefreshTokenDeniesItsLoginsAccessTokens() {
        String waiter = createUser("waiter", UUID.randomUUID());
        var pair = login(waiter, PASSWORD).then().statusCode(200).extract();
        String first = pair.path("refresh_token");
        String access = given().contentType(ContentType.JSON).header("X-Forwarded-For", "10.3.3.3")
                .body(Map.of("refresh_token", first)).post("/api/v1/auth/refresh").then().statusCode(200)
                .extract().path("access_token");
        // the thief replays the retired token: the whole login ends, its access tokens too
        given().contentType(ContentType.JSON).body(Map.of("refresh_token", first)).post("/api/v1/auth/refresh")
                .then().statusCode(401);
        assertNotNull(entry("family:" + claims(access).get("fid")));
        as(access).get("/api/v1/auth/me").then().statusCode(401);
    }
}
