package io.tavola.orders.session;

import static io.tavola.orders.testenv.Api.as;
import static io.tavola.orders.testenv.Api.line;
import static io.tavola.orders.testenv.Api.order;
import static io.tavola.orders.testenv.Api.placed;
import static io.tavola.orders.testenv.Api.status;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.tavola.common.security.Role;
import io.tavola.common.testkit.Tables;
import io.tavola.common.testkit.TestTokens;
import io.tavola.orders.testenv.TestRestaurant;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A diner gives the table its first name (issue 17): the others see it, and the bill's parts carry it. */
@QuarkusTest
class DinerNameTest {

    private static String join(String guest, String name) {
        JsonObject body = new JsonObject();
        if (name != null) {
            body.put("diner_name", name);
        }
        return as(guest).body(body.encode()).when().post("/api/v1/sessions").then().extract().path("id");
    }

    private static io.restassured.response.Response nameMe(String token, String sessionId, String name) {
        return as(token).body(new JsonObject().put("name", name).encode()).when()
                .put("/api/v1/sessions/" + sessionId + "/me");
    }

    private static long sessionEvents(String type, String sessionId) {
        return Tables.count("select count(*) from orders.outbox_event where type = '" + type
                + "' and payload -> 'data' ->> 'id' = '" + sessionId + "'");
    }

    @Test
    void aDinerJoinsWithANameAndChangesItAndTheOthersAreToldEachTime() {
        TestRestaurant r = TestRestaurant.create();
        r.publish();
        UUID table = UUID.randomUUID();
        UUID adaId = UUID.randomUUID();
        UUID benId = UUID.randomUUID();
        String ada = TestTokens.token(Role.GUEST, adaId, r.id, table);
        String ben = TestTokens.token(Role.GUEST, benId, r.id, table);

        String sessionId = as(ada).body("{\"diner_name\": \"  Ada \"}").when().post("/api/v1/sessions").then()
                .statusCode(201)
                .body("diners", hasSize(1))
                .body("diners[0].user_id", equalTo(adaId.toString()))
                .body("diners[0].name", equalTo("Ada"))
                .extract().path("id");
        assertEquals(1, sessionEvents("session.opened", sessionId));
        assertEquals(0, sessionEvents("session.updated", sessionId));

        // Ben joins without a name: the table is told someone sat down
        as(ben).body("{}").when().post("/api/v1/sessions").then().statusCode(200)
                .body("diners.user_id", equalTo(List.of(adaId.toString(), benId.toString())))
                .body("diners.name", equalTo(Arrays.asList("Ada", null)));
        assertEquals(1, sessionEvents("session.updated", sessionId));
        // joining again changes nothing and tells nobody; nor does a join without a name forget one
        join(ben, null);
        join(ada, null);
        assertEquals(1, sessionEvents("session.updated", sessionId));

        nameMe(ben, sessionId, "Benedetta").then().statusCode(200)
                .body("user_id", equalTo(benId.toString())).body("role", equalTo("guest"))
                .body("name", equalTo("Benedetta"));
        assertEquals(2, sessionEvents("session.updated", sessionId));
        nameMe(ben, sessionId, "Benedetta").then().statusCode(200);
        assertEquals(2, sessionEvents("session.updated", sessionId), "the same name again is no change");
        nameMe(ben, sessionId, "Ben").then().statusCode(200).body("name", equalTo("Ben"));
        // a later join with the name remembered in the browser
        join(ada, "Adelina");
        assertEquals(4, sessionEvents("session.updated", sessionId));

        as(ada).when().get("/api/v1/sessions/" + sessionId).then().statusCode(200)
                .body("diners.name", equalTo(List.of("Adelina", "Ben")));
        // null takes the name back
        as(ben).body("{\"name\": null}").when().put("/api/v1/sessions/" + sessionId + "/me").then().statusCode(200)
                .body("name", nullValue());
        as(TestTokens.waiter(r.id)).when().get("/api/v1/sessions/" + sessionId).then().statusCode(200)
                .body("diners.name", equalTo(Arrays.asList("Adelina", null)));
    }

    @Test
    void aNameIsTrimmedShortAndReadable() {
        TestRestaurant r = TestRestaurant.create();
        r.publish();
        String guest = TestTokens.guest(r.id, UUID.randomUUID());
        String sessionId = join(guest, null);
        for (String bad : List.of("", "   ", "1234", "--", "a".repeat(41), "Ada\u0007", "Ada\u202Eevil",
                "Ada\u200Bx")) {
            nameMe(guest, sessionId, bad).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("name"));
            as(guest).body(new JsonObject().put("diner_name", bad).encode()).when().post("/api/v1/sessions").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("diner_name"));
        }
        // control characters are refused by the strict JSON reader already, before the name's own rules
        as(guest).body("{\"name\": \"Ada\\u0000\"}").when().put("/api/v1/sessions/" + sessionId + "/me").then()
                .statusCode(400).contentType("application/problem+json");
        as(guest).body("{\"name\": 42}").when().put("/api/v1/sessions/" + sessionId + "/me").then().statusCode(400);
        as(guest).body("{\"name\": \"Ada\", \"role\": \"waiter\"}").when()
                .put("/api/v1/sessions/" + sessionId + "/me").then().statusCode(400);
        as(guest).when().put("/api/v1/sessions/" + sessionId + "/me").then().statusCode(400);

        // 40 characters (code points, after trimming) is fine, and so are names in any script
        nameMe(guest, sessionId, " " + "é".repeat(40) + " ").then().statusCode(200).body("name", equalTo("é".repeat(40)));
        nameMe(guest, sessionId, "Zoë-Anne O'Neil").then().statusCode(200).body("name", equalTo("Zoë-Anne O'Neil"));
        nameMe(guest, sessionId, "雅子").then().statusCode(200).body("name", equalTo("雅子"));
        nameMe(guest, sessionId, "R2").then().statusCode(200);
        // the name is a guest's own: staff opening a session for a table give none
        as(TestTokens.waiter(r.id)).body(new JsonObject().put("table_id", UUID.randomUUID().toString())
                .put("diner_name", "Carlo").encode()).when().post("/api/v1/sessions").then().statusCode(400)
                .body("errors[0].field", equalTo("diner_name"));
    }

    @Test
    void onlyTheDinerItselfNamesItself() {
        TestRestaurant r = TestRestaurant.create();
        UUID pizza = r.item("Margherita", "9.50");
        r.publish();
        UUID table = UUID.randomUUID();
        String ada = TestTokens.guest(r.id, table);
        String sessionId = join(ada, "Ada");

        // another table's guest, another restaurant's guest or staff, a customer: no such session (404)
        for (String stranger : List.of(TestTokens.guest(r.id, UUID.randomUUID()), TestTokens.guest(UUID.randomUUID(), table),
                TestTokens.waiter(UUID.randomUUID()), TestTokens.admin(UUID.randomUUID()),
                TestTokens.customer(UUID.randomUUID()))) {
            nameMe(stranger, sessionId, "Mallory").then().statusCode(404).contentType("application/problem+json");
        }
        // staff of the restaurant see the session but are not diners at it (403), not even a master admin
        for (String staff : List.of(TestTokens.waiter(r.id), TestTokens.admin(r.id), TestTokens.chef(r.id),
                TestTokens.master())) {
            nameMe(staff, sessionId, "Mallory").then().statusCode(403).contentType("application/problem+json");
        }
        // a guest of this table that never joined the session is not at it
        nameMe(TestTokens.guest(r.id, table), sessionId, "Mallory").then().statusCode(404);
        as(ada).when().get("/api/v1/sessions/current").then().statusCode(200)
                .body("diners.name", equalTo(List.of("Ada")));

        // a closed tab takes no new names (and the guest's token ended with it)
        String first = placed(ada, order(line(pizza, 1)));
        status(TestTokens.waiter(r.id), first, "CANCELLED").then().statusCode(200);
        as(TestTokens.waiter(r.id)).body("{\"status\": \"cancelled\"}").when()
                .post("/api/v1/sessions/" + sessionId + "/close").then().statusCode(200);
        nameMe(ada, sessionId, "Adelina").then().statusCode(401);
    }
}
