package io.tavola.auth;

import static io.tavola.auth.AuthApi.PASSWORD;
import static io.tavola.auth.AuthApi.as;
import static io.tavola.auth.AuthApi.client;
import static io.tavola.auth.AuthApi.createUser;
import static io.tavola.auth.AuthApi.login;
import static io.tavola.auth.AuthApi.masterToken;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tavola.common.testkit.Tables;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RefreshTest {

    private static Response refresh(String token) {
        return client().body(Map.of("refresh_token", token)).post("/api/v1/auth/refresh");
    }

    @Test
    void refreshRotatesThePairAndRetiresTheOldToken() {
        String waiter = createUser("waiter", UUID.randomUUID());
        String first = login(waiter, PASSWORD).then().statusCode(200).extract().path("refresh_token");
        var next = refresh(first).then().statusCode(200).extract();
        String second = next.path("refresh_token");
        assertNotEquals(first, second);
        as(next.path("access_token")).get("/api/v1/auth/me").then().statusCode(200);
        refresh(second).then().statusCode(200);
    }

    @Test
    void reusingARetiredTokenRevokesTheWholeFamily() {
        String waiter = createUser("waiter", UUID.randomUUID());
        String first = login(waiter, PASSWORD).then().statusCode(200).extract().path("refresh_token");
        String sibling = refresh(first).then().statusCode(200).extract().path("refresh_token");

        refresh(first).then().statusCode(401).contentType("application/problem+json");
        // the thief's replay killed the legitimate holder's current token too
        refresh(sibling).then().statusCode(401);
    }

    @Test
    void anotherLoginOfTheSameUserSurvivesAFamilyRevocation() {
        String waiter = createUser("waiter", UUID.randomUUID());
        String phone = login(waiter, PASSWORD).then().statusCode(200).extract().path("refresh_token");
        String tablet = login(waiter, PASSWORD).then().statusCode(200).extract().path("refresh_token");
        refresh(phone).then().statusCode(200);
        refresh(phone).then().statusCode(401);
        refresh(tablet).then().statusCode(200);
    }

    @Test
    void logoutRevokesTheRefreshTokenAndTheAccessToken() {
        String waiter = createUser("waiter", UUID.randomUUID());
        var pair = login(waiter, PASSWORD).then().statusCode(200).extract();
        String access = pair.path("access_token");
        as(access).body(Map.of("refresh_token", pair.path("refresh_token"))).post("/api/v1/auth/logout")
                .then().statusCode(204);
        refresh(pair.path("refresh_token")).then().statusCode(401);
        as(access).get("/api/v1/auth/me").then().statusCode(401);
    }

    @Test
    void deactivatingAUserRevokesItsRefreshTokens() {
        String waiter = createUser("waiter", UUID.randomUUID());
        String id = AuthApi.userId(waiter);
        String token = login(waiter, PASSWORD).then().statusCode(200).extract().path("refresh_token");
        as(masterToken()).body(Map.of("is_active", false)).put("/api/v1/users/" + id).then().statusCode(200);
        refresh(token).then().statusCode(401);
        org.junit.jupiter.api.Assertions.assertEquals(0, Tables.count(
                "select count(*) from auth.refresh_tokens where user_id = '" + id + "' and revoked_at is null"));
    }

    @Test
    void unknownOrEmptyRefreshTokenIsRefused() {
        refresh("not-a-token").then().statusCode(401);
        client().body(Map.of("refresh_token", "")).post("/api/v1/auth/refresh").then().statusCode(400);
    }

    @Test
    void refreshTokensAreStoredOnlyAsHashes() {
        String waiter = createUser("waiter", UUID.randomUUID());
        String token = login(waiter, PASSWORD).then().statusCode(200).extract().path("refresh_token");
        org.junit.jupiter.api.Assertions.assertEquals(0, Tables.count(
                "select count(*) from auth.refresh_tokens where token_hash = '" + token + "'"));
    }
}
