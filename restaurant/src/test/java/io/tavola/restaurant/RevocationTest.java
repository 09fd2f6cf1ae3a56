package io.tavola.restaurant;

import static io.restassured.RestAssured.given;
import static io.tavola.restaurant.TestData.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.tavola.common.security.Role;
import io.tavola.common.security.TokenRevocations;
import io.tavola.common.testkit.TestTokens;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: fault 1 (a deleted user's token still changed a table's status: 200), fault 2 (a replaced
 * QR code or a deactivated table or restaurant left its guest tokens valid) and the 5 s expiry leeway.
 */
@QuarkusTest
class RevocationTest {

    private static final String TABLES = "/api/v1/restaurants/{rid}/tables";

    @Inject
    TokenRevocations revocations;

    @Inject
    RedisDataSource redis;

    private long tableEntry(String tableId) {
        String value = redis.value(String.class).get("tavola:revoked:table:" + tableId);
        return value == null ? 0 : Long.parseLong(value);
    }

    @Test
    void aRevokedUsersTokenNoLongerChangesATable() {
        UUID rid = TestData.restaurant("Revoked waiter");
        UUID table = TestData.table(rid, "4");
        UUID waiter = UUID.randomUUID();
        String token = TestTokens.token(Role.WAITER, waiter, rid, null);
        as(token).body(Map.of("status", "occupied")).put(TABLES + "/{id}/status", rid, table).then().statusCode(200);

        // what auth does when the user is deleted, deactivated or changes role
        revocations.revokeUser(waiter).await().atMost(Duration.ofSeconds(3));

        as(token).body(Map.of("status", "available")).put(TABLES + "/{id}/status", rid, table).then().statusCode(401)
                .contentType("application/problem+json").body("type", equalTo("https://tavola.io/problems/token-revoked"));
        as(token).get(TABLES, rid).then().statusCode(401);
        as(TestTokens.admin(rid)).get(TABLES + "/{id}", rid, table).then().statusCode(200).body("status", equalTo("occupied"));
    }

    @Test
    void aTokenExpiredTenSecondsAgoIsRefused() {
        UUID rid = TestData.restaurant("Leeway");
        String expired = TestTokens.builder(Role.RESTAURANT_ADMIN, UUID.randomUUID(), rid, null)
                .issuedAt(Instant.now().minusSeconds(1800)).expiresAt(Instant.now().minusSeconds(10))
                .sign(TestTokens.signingKey());
        as(expired).get(TABLES, rid).then().statusCode(401);
    }

    @Test
    void rotatingTheCodeOrDeactivatingTheTableEndsOlderGuestTokens() {
        UUID rid = TestData.restaurant("Rotation");
        String table = TestData.table(rid, "9").toString();
        String code = as(TestTokens.admin(rid)).get(TABLES + "/{id}", rid, table).then().extract().path("qr_token");
        given().get("/api/v1/tables/{token}", code).then().statusCode(200).body("generation", equalTo(1));

        String rotated = as(TestTokens.admin(rid)).post(TABLES + "/{id}/qr-token/rotate", rid, table).then()
                .statusCode(200).extract().path("qr_token");
        given().get("/api/v1/tables/{token}", rotated).then().statusCode(200).body("generation", equalTo(2));
        assertEquals(2, tableEntry(table), "guest tokens of generation 1 are refused everywhere");

        // a guest token of the old code is refused here too, a new one is not
        String oldGuest = TestTokens.builder(Role.GUEST, UUID.randomUUID(), rid, UUID.fromString(table))
                .claim("table_gen", 1).sign(TestTokens.signingKey());
        String newGuest = TestTokens.builder(Role.GUEST, UUID.randomUUID(), rid, UUID.fromString(table))
                .claim("table_gen", 2).sign(TestTokens.signingKey());
        as(oldGuest).get("/api/v1/restaurants/{rid}/menu", rid).then().statusCode(401);
        as(newGuest).get("/api/v1/restaurants/{rid}/menu", rid).then().statusCode(200);

        as(TestTokens.admin(rid)).body(Map.of("table_number", "9", "capacity", 4, "is_active", false))
                .put(TABLES + "/{id}", rid, table).then().statusCode(200);
        assertEquals(3, tableEntry(table));
        as(newGuest).get("/api/v1/restaurants/{rid}/menu", rid).then().statusCode(401);
        // editing an inactive table again does not bump it further
        as(TestTokens.admin(rid)).body(Map.of("table_number", "9", "capacity", 6, "is_active", false))
                .put(TABLES + "/{id}", rid, table).then().statusCode(200);
        assertEquals(3, tableEntry(table));
    }

    @Test
    void deactivatingTheRestaurantOrDeletingTheTableEndsItsGuestTokens() {
        UUID rid = TestData.restaurant("Closing down");
        String first = TestData.table(rid, "1").toString();
        String second = TestData.table(rid, "2").toString();
        UUID other = TestData.restaurant("Still open");
        String elsewhere = TestData.table(other, "1").toString();

        as(TestTokens.master()).body(Map.of("is_active", false)).patch("/api/v1/restaurants/{rid}", rid).then()
                .statusCode(200);
        assertEquals(2, tableEntry(first));
        assertEquals(2, tableEntry(second));
        assertEquals(0, tableEntry(elsewhere), "another restaurant's tables are untouched");

        as(TestTokens.admin(other)).delete(TABLES + "/{id}", other, elsewhere).then().statusCode(204);
        assertEquals(Long.MAX_VALUE, tableEntry(elsewhere));
    }
}
