package io.tavola.auth;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The auth API as tests use it: real logins, real tokens, each request from its own client address. */
public final class AuthApi {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "tavola-dev-admin";
    public static final String PASSWORD = "correct-horse-battery";

    private AuthApi() {}

    /** A request from a random client address, so address throttling only bites tests that want it. */
    public static RequestSpecification client() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255));
    }

    public static RequestSpecification as(String accessToken) {
        return client().header("Authorization", "Bearer " + accessToken);
    }

    public static Response login(String username, String password) {
        return client().body(Map.of("username", username, "password", password)).post("/api/v1/auth/login");
    }

    public static String accessToken(String username, String password) {
        return login(username, password).then().statusCode(200).extract().path("access_token");
    }

    private static volatile String master;
    private static volatile long masterIssuedAt;

    /** The bootstrap admin's token, reused for a few minutes (it lives 30). */
    public static String masterToken() {
        if (master == null || System.currentTimeMillis() - masterIssuedAt > 300_000) {
            master = accessToken(ADMIN, ADMIN_PASSWORD);
            masterIssuedAt = System.currentTimeMillis();
        }
        return master;
    }

    /** Creates an account through the API as the master admin; returns its username. */
    public static String createUser(String role, UUID restaurantId) {
        return create(role, restaurantId)[0];
    }

    /** Creates an account as the master admin; returns its id. */
    public static String createUserId(String role, UUID restaurantId) {
        return create(role, restaurantId)[1];
    }

    private static String[] create(String role, UUID restaurantId) {
        String username = role.replace("_", "") + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new java.util.HashMap<>(Map.of("username", username,
                "email", username + "@example.com", "password", PASSWORD, "role", role));
        if (restaurantId != null) {
            body.put("restaurant_id", restaurantId.toString());
        }
        String id = as(masterToken()).body(body).post("/api/v1/users").then().statusCode(201).extract().path("id");
        return new String[] { username, id };
    }

    public static String userId(String username) {
        return as(accessToken(username, PASSWORD)).get("/api/v1/auth/me").then().statusCode(200).extract().path("id");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> claims(String jwt) {
        try {
            byte[] payload = Base64.getUrlDecoder().decode(jwt.split("\\.")[1]);
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(payload, Map.class);
        } catch (Exception e) {
            throw new IllegalArgumentException("not a JWT", e);
        }
    }
}
