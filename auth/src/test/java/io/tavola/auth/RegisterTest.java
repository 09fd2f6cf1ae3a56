package io.tavola.auth;

import static io.tavola.auth.AuthApi.client;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.tavola.common.testkit.Tables;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RegisterTest {

    private static Map<String, Object> body(String username, String email, String password) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("email", email);
        body.put("password", password);
        return body;
    }

    private static long usersNamed(String username) {
        return Tables.count("select count(*) from auth.users where lower(username) = lower('" + username + "')");
    }

    @Test
    void aDinerRegistersAsCustomerAndLogsIn() {
        String name = "diner-" + UUID.randomUUID().toString().substring(0, 8);
        client().body(body(name, name + "@example.com", "long-enough-secret")).post("/api/v1/auth/register")
                .then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/api/v1/auth/me"))
                .body("role", equalTo("customer")).body("restaurant_id", org.hamcrest.Matchers.nullValue());
        AuthApi.login(name, "long-enough-secret").then().statusCode(200);
    }

    @Test
    void registrationCannotChooseARole() {
        String name = "sneaky-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = body(name, name + "@example.com", "long-enough-secret");
        body.put("role", "master_admin");
        // not even read: a field registration does not have is refused (issue 12), and no account is made
        client().body(body).post("/api/v1/auth/register").then().statusCode(400)
                .body("errors[0].field", equalTo("role"));
        AuthApi.login(name, "long-enough-secret").then().statusCode(401);
        body.remove("role");
        client().body(body).post("/api/v1/auth/register").then().statusCode(201).body("role", equalTo("customer"));
    }

    @Test
    void weakPasswordsAreRefusedAndNothingIsCreated() {
        String name = "weak-" + UUID.randomUUID().toString().substring(0, 8);
        client().body(body(name, name + "@example.com", "short")).post("/api/v1/auth/register")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("password"));
        client().body(body(name + "xyzab", name + "@example.com", name + "xyzab")).post("/api/v1/auth/register")
                .then().statusCode(400).body("errors.field", hasItem("password"));
        assertEquals(0, usersNamed(name) + usersNamed(name + "xyzab"));
    }

    @Test
    void badInputIs400NamingTheFieldsAndCreatesNothing() {
        String name = "bad-" + UUID.randomUUID().toString().substring(0, 8);
        client().body(body(name, "not-an-email", "long-enough-secret")).post("/api/v1/auth/register")
                .then().statusCode(400).body("errors.field", hasItem("email"));
        client().body(body("x".repeat(51), name + "@example.com", "long-enough-secret"))
                .post("/api/v1/auth/register").then().statusCode(400).body("errors.field", hasItem("username"));
        client().body(body(name, name + "@example.com", "p".repeat(73))).post("/api/v1/auth/register")
                .then().statusCode(400).body("errors.field", hasItem("password"));
        client().body("{\"username\":\"" + name + "\",\"email\":").post("/api/v1/auth/register")
                .then().statusCode(400).contentType("application/problem+json");
        client().body("").post("/api/v1/auth/register").then().statusCode(400);
        assertEquals(0, usersNamed(name));
    }

    @Test
    void usernameAndEmailAreUniqueIgnoringCase() {
        String name = "dup-" + UUID.randomUUID().toString().substring(0, 8);
        client().body(body(name, name + "@example.com", "long-enough-secret")).post("/api/v1/auth/register")
                .then().statusCode(201);
        client().body(body(name.toUpperCase(), "other-" + name + "@example.com", "long-enough-secret"))
                .post("/api/v1/auth/register").then().statusCode(409).contentType("application/problem+json");
        client().body(body("other-" + name, name.toUpperCase() + "@EXAMPLE.COM", "long-enough-secret"))
                .post("/api/v1/auth/register").then().statusCode(409);
        assertEquals(1, usersNamed(name));
    }

    @Test
    void concurrentRegistrationsOfOneNameCreateOneAccountAndNo500() throws Exception {
        String name = "race-" + UUID.randomUUID().toString().substring(0, 8);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            var calls = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 6; i++) {
                int n = i;
                calls.add(pool.submit(() -> client().body(body(name, name + n + "@example.com", "long-enough-secret"))
                        .post("/api/v1/auth/register").statusCode()));
            }
            java.util.List<Integer> statuses = new java.util.ArrayList<>();
            for (var call : calls) {
                statuses.add(call.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(5, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdown();
        }
        assertEquals(1, usersNamed(name));
    }
}
