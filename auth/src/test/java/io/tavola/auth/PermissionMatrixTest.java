package io.tavola.auth;

import static io.tavola.auth.AuthApi.PASSWORD;
import static io.tavola.auth.AuthApi.accessToken;
import static io.tavola.auth.AuthApi.as;
import static io.tavola.auth.AuthApi.client;
import static io.tavola.auth.AuthApi.createUser;
import static io.tavola.auth.AuthApi.createUserId;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tavola.common.testkit.Tables;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The user rows of DESIGN.md's permission matrix: every caller role against every user operation, on
 * its own restaurant (A) and on another (B). Another restaurant's users answer 404, like missing ones.
 */
@QuarkusTest
class PermissionMatrixTest {

    static final UUID A = UUID.randomUUID();
    static final UUID B = UUID.randomUUID();

    enum Op { CREATE_CHEF_A, CREATE_WAITER_B, CREATE_ADMIN_A, LIST, GET_CHEF_A, GET_CHEF_B, GET_ADMIN_A, UPDATE_CHEF_A,
        UPDATE_CHEF_B, DELETE_WAITER_A, DELETE_WAITER_B }

    //                                      master admin_A chef_A waiter_A customer guest_A
    static final Object[][] MATRIX = {
        { Op.CREATE_CHEF_A,   new int[] { 201, 201, 403, 403, 403, 403 } },
        { Op.CREATE_WAITER_B, new int[] { 201, 404, 403, 403, 403, 403 } },
        { Op.CREATE_ADMIN_A,  new int[] { 201, 403, 403, 403, 403, 403 } },
        { Op.LIST,            new int[] { 200, 200, 403, 403, 403, 403 } },
        { Op.GET_CHEF_A,      new int[] { 200, 200, 403, 403, 403, 403 } },
        { Op.GET_CHEF_B,      new int[] { 200, 404, 403, 403, 403, 403 } },
        { Op.GET_ADMIN_A,     new int[] { 200, 404, 403, 403, 403, 403 } },
        { Op.UPDATE_CHEF_A,   new int[] { 200, 200, 403, 403, 403, 403 } },
        { Op.UPDATE_CHEF_B,   new int[] { 200, 404, 403, 403, 403, 403 } },
        { Op.DELETE_WAITER_A, new int[] { 204, 204, 403, 403, 403, 403 } },
        { Op.DELETE_WAITER_B, new int[] { 204, 404, 403, 403, 403, 403 } },
    };
    static final String[] CALLERS = { "master", "admin_A", "chef_A", "waiter_A", "customer", "guest_A" };

    static Stream<Arguments> rows() {
        return Stream.of(MATRIX).flatMap(row -> {
            int[] expected = (int[]) row[1];
            return java.util.stream.IntStream.range(0, CALLERS.length)
                    .mapToObj(i -> Arguments.of(CALLERS[i], row[0], expected[i]));
        });
    }

    @BeforeEach
    void restaurantService() throws Exception {
        RestaurantDouble.ensureStarted();
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("rows")
    void callerRoleTimesOperation(String caller, Op op, int expected) {
        String token = tokenOf(caller);
        String chefA = createUserId("chef", A);
        String chefB = createUserId("chef", B);
        String waiterA = createUserId("waiter", A);
        String waiterB = createUserId("waiter", B);
        String adminA = createUserId("restaurant_admin", A);
        String before = snapshot(chefA, chefB, waiterA, waiterB);

        Response response = switch (op) {
            case CREATE_CHEF_A -> as(token).body(newUser("chef", A)).post("/api/v1/users");
            case CREATE_WAITER_B -> as(token).body(newUser("waiter", B)).post("/api/v1/users");
            case CREATE_ADMIN_A -> as(token).body(newUser("restaurant_admin", A)).post("/api/v1/users");
            case LIST -> as(token).get("/api/v1/users");
            case GET_CHEF_A -> as(token).get("/api/v1/users/" + chefA);
            case GET_CHEF_B -> as(token).get("/api/v1/users/" + chefB);
            case GET_ADMIN_A -> as(token).get("/api/v1/users/" + adminA);
            case UPDATE_CHEF_A -> as(token).body(Map.of("email", "moved-" + chefA + "@example.com")).put("/api/v1/users/" + chefA);
            case UPDATE_CHEF_B -> as(token).body(Map.of("email", "moved-" + chefB + "@example.com")).put("/api/v1/users/" + chefB);
            case DELETE_WAITER_A -> as(token).delete("/api/v1/users/" + waiterA);
            case DELETE_WAITER_B -> as(token).delete("/api/v1/users/" + waiterB);
        };
        assertEquals(expected, response.statusCode(), caller + " " + op + ": " + response.asString());
        if (expected >= 400) {
            response.then().contentType("application/problem+json");
            assertEquals(before, snapshot(chefA, chefB, waiterA, waiterB), "a refused call changed nothing");
        }
    }

    @Test
    void aRestaurantAdminListsOnlyItsOwnChefsAndWaiters() {
        String chefA = createUser("chef", A);
        String chefB = createUser("chef", B);
        String adminA = createUser("restaurant_admin", A);
        as(accessToken(adminA, PASSWORD)).queryParam("size", 100).get("/api/v1/users").then().statusCode(200)
                .body("items.username", hasItem(chefA))
                .body("items.username", not(hasItem(chefB)))
                .body("items.username", not(hasItem(adminA)))
                .body("items.restaurant_id", everyItem(org.hamcrest.Matchers.equalTo(A.toString())));
    }

    @Test
    void aRestaurantAdminCannotPromoteAChef() {
        String chef = createUserId("chef", A);
        String adminA = createUser("restaurant_admin", A);
        as(accessToken(adminA, PASSWORD)).body(Map.of("role", "restaurant_admin")).put("/api/v1/users/" + chef)
                .then().statusCode(403);
        as(AuthApi.masterToken()).get("/api/v1/users/" + chef).then().statusCode(200)
                .body("role", org.hamcrest.Matchers.equalTo("chef"));
    }

    private static Map<String, Object> newUser(String role, UUID restaurant) {
        String name = role.replace("_", "") + "-" + UUID.randomUUID().toString().substring(0, 8);
        return Map.of("username", name, "email", name + "@example.com", "password", PASSWORD, "role", role,
                "restaurant_id", restaurant.toString());
    }

    private static String snapshot(String... ids) {
        StringBuilder state = new StringBuilder();
        for (String id : ids) {
            state.append(Tables.count("select count(*) from auth.users where id = '" + id + "' and email like '%@example.com' and email not like 'moved-%'"));
        }
        return state.toString();
    }

    private static String tokenOf(String caller) {
        return switch (caller) {
            case "master" -> AuthApi.masterToken();
            case "admin_A" -> accessToken(createUser("restaurant_admin", A), PASSWORD);
            case "chef_A" -> accessToken(createUser("chef", A), PASSWORD);
            case "waiter_A" -> accessToken(createUser("waiter", A), PASSWORD);
            case "customer" -> accessToken(createUser("customer", null), PASSWORD);
            case "guest_A" -> client().body(Map.of("qr_token", RestaurantDouble.qrToken(A, UUID.randomUUID())))
                    .post("/api/v1/auth/guest").then().statusCode(200).extract().path("access_token");
            default -> throw new IllegalArgumentException(caller);
        };
    }
}
