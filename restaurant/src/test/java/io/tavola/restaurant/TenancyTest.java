package io.tavola.restaurant;

import static io.restassured.RestAssured.given;
import static io.tavola.restaurant.TestData.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.tavola.common.testkit.TenantFilterContract;
import io.tavola.common.testkit.TestTokens;
import jakarta.inject.Inject;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tenancy is enforced by the data layer: the probe's queries (test/.../tenancy/TenancyProbeResource) name
 * no restaurant, and still each caller reads only its own restaurant's rows. The unfiltered probe shows
 * what the same query returns without the filter, so these tests fail if the filter stops working.
 */
@QuarkusTest
class TenancyTest {

    @Inject
    Mutiny.SessionFactory sessions;

    UUID mine;
    UUID theirs;
    String myTable;
    String theirTable;

    @BeforeEach
    void twoRestaurants() {
        mine = TestData.restaurant("Mine");
        theirs = TestData.restaurant("Theirs");
        myTable = TestData.table(mine, "1").toString();
        theirTable = TestData.table(theirs, "1").toString();
    }

    @Test
    void aQueryWithoutTenantPredicateReturnsOnlyTheCallersRows() {
        as(TestTokens.waiter(mine)).get("/test/tenancy/tables").then().statusCode(200)
                .body("id", containsInAnyOrder(myTable)).body("restaurant_id", everyItem(equalTo(mine.toString())));
        as(TestTokens.guest(theirs, UUID.randomUUID())).get("/test/tenancy/tables").then().statusCode(200)
                .body("id", containsInAnyOrder(theirTable));
        // a master admin has no restaurant: unrestricted
        as(TestTokens.master()).get("/test/tenancy/tables").then().statusCode(200)
                .body("id", hasItems(myTable, theirTable));
        // a customer belongs to no restaurant: nothing, until an endpoint opens its own rows
        as(TestTokens.customer(UUID.randomUUID())).get("/test/tenancy/tables").then().statusCode(200)
                .body("id", empty());
    }

    @Test
    void withoutTheFilterTheSameQueryWouldLeakTheOtherRestaurant() {
        // the negative: same caller, same query, filter disabled in the session
        as(TestTokens.waiter(mine)).get("/test/tenancy/tables-unfiltered").then().statusCode(200)
                .body("id", hasItems(myTable, theirTable));
    }

    @Test
    void loadsAndUpdatesByIdStayInsideTheTenant() {
        as(TestTokens.waiter(mine)).get("/test/tenancy/tables/{id}", myTable).then().statusCode(200)
                .body("restaurant_id", equalTo(mine.toString()));
        as(TestTokens.waiter(mine)).get("/test/tenancy/tables/{id}", theirTable).then().statusCode(404);
        as(TestTokens.admin(mine)).post("/test/tenancy/tables/{id}/touch", theirTable).then().statusCode(200)
                .body(equalTo("0"));
        as(TestTokens.admin(mine)).post("/test/tenancy/tables/{id}/touch", myTable).then().statusCode(200)
                .body(equalTo("1"));
    }

    @Test
    void internalCodeNamesItsRestaurantAndUnscopedCodeFailsLoudly() {
        given().get("/test/tenancy/within/{rid}/tables", theirs).then().statusCode(200)
                .body("id", containsInAnyOrder(theirTable));
        // no caller and no scope: the query refuses to run rather than read anyone's rows
        given().get("/test/tenancy/tables").then().statusCode(500);
    }

    @Test
    void everyEntityWithARestaurantColumnCarriesTheFilter() {
        TenantFilterContract.assertEveryTenantEntityFiltered(sessions);
    }
}
