package io.tavola.auth;

import static io.tavola.auth.AuthApi.PASSWORD;
import static io.tavola.auth.AuthApi.as;
import static io.tavola.auth.AuthApi.client;
import static io.tavola.auth.AuthApi.createUser;
import static io.tavola.auth.AuthApi.login;
import static io.tavola.auth.AuthApi.masterToken;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LoginTest {

    @Test
    void loginReturnsABearerPairWithTheClaimsOfTheDesign() {
        UUID restaurant = UUID.randomUUID();
        String chef = createUser("chef", restaurant);
        var body = login(chef, PASSWORD).then().statusCode(200)
                .body("token_type", equalTo("bearer"))
                .body("expires_in", equalTo(1800))
                .body("refresh_token", not(nullValue()))
                .extract();
        Map<String, Object> claims = AuthApi.claims(body.path("access_token"));
        assertEquals("https://tavola.local/auth", claims.get("iss"));
        assertEquals(chef, claims.get("upn"));
        assertEquals(chef, claims.get("username"));
        assertEquals(List.of("chef"), claims.get("groups"));
        assertEquals(restaurant.toString(), claims.get("restaurant_id"));
        long iat = ((Number) claims.get("iat")).longValue();
        long exp = ((Number) claims.get("exp")).longValue();
        assertEquals(1800, exp - iat);
        assertTrue(AuthApi.claims(body.path("access_token")).containsKey("jti"));
    }

    @Test
    void emailWorksAsLoginNameInAnyCase() {
        String waiter = createUser("waiter", UUID.randomUUID());
        login(waiter.toUpperCase() + "@EXAMPLE.COM", PASSWORD).then().statusCode(200);
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        String waiter = createUser("waiter", UUID.randomUUID());
        var wrong = login(waiter, "not-the-password").then().statusCode(401)
                .contentType("application/problem+json").extract().asString();
        var unknown = login("nobody-" + UUID.randomUUID(), "not-the-password").then().statusCode(401)
                .contentType("application/problem+json").extract().asString();
        assertEquals(wrong.replaceAll("\"instance\":\"[^\"]*\"", ""), unknown.replaceAll("\"instance\":\"[^\"]*\"", ""));
    }

    @Test
    void deactivatedAccountCannotLogIn() {
        String waiter = createUser("waiter", UUID.randomUUID());
        String id = AuthApi.userId(waiter);
        as(masterToken()).body(Map.of("is_active", false)).put("/api/v1/users/" + id).then().statusCode(200);
        login(waiter, PASSWORD).then().statusCode(401);
    }

    @Test
    void meShowsTheProfileButNeverTheHash() {
        String waiter = createUser("waiter", UUID.randomUUID());
        as(AuthApi.accessToken(waiter, PASSWORD)).get("/api/v1/auth/me").then().statusCode(200)
                .body("username", equalTo(waiter))
                .body("role", equalTo("waiter"))
                .body("last_login_at", not(nullValue()))
                .body("$", not(hasKey("password_hash")))
                .body("$", not(hasKey("password")));
    }

    @Test
    void meWithoutTokenIs401ProblemJson() {
        client().get("/api/v1/auth/me").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
    }

    @Test
    void malformedJsonIs400NamingTheProblem() {
        client().body("{\"username\": \"a\", ").post("/api/v1/auth/login").then().log().ifValidationFails().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("https://tavola.io/problems/malformed-json"));
        client().body("{\"username\": [1], \"password\": \"x\"}").post("/api/v1/auth/login").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("username"));
    }

    @Test
    void missingFieldsAre400ListingEachField() {
        client().body("{}").post("/api/v1/auth/login").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("username"))
                .body("errors.field", hasItem("password"));
    }
}
