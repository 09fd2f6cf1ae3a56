package io.tavola.restaurant;

import static io.tavola.restaurant.TestData.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.tavola.common.testkit.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Master admins search and sort the restaurants list (issue 17); staff still see only their own. */
@QuarkusTest
class RestaurantSearchTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void masterSearchesByNameAnyCaseAndSorts() {
        String tag = "Srch" + UUID.randomUUID().toString().substring(0, 8);
        UUID beta = TestData.restaurant(tag + " Beta");
        UUID alpha = TestData.restaurant("alpha " + tag);
        UUID gamma = TestData.restaurant("The " + tag + " Gamma");
        String q = tag.toLowerCase();
        as(TestTokens.master()).queryParam("q", q).get("/api/v1/restaurants").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.id", contains(gamma.toString(), alpha.toString(), beta.toString()));
        as(TestTokens.master()).queryParam("q", q).queryParam("sort", "name").get("/api/v1/restaurants").then()
                .statusCode(200).body("items.id", contains(alpha.toString(), beta.toString(), gamma.toString()));
        as(TestTokens.master()).queryParam("q", q).queryParam("sort", "-name").get("/api/v1/restaurants").then()
                .body("items.id", contains(gamma.toString(), beta.toString(), alpha.toString()));
        as(TestTokens.master()).queryParam("q", q).queryParam("sort", "created_at").get("/api/v1/restaurants")
                .then().body("items.id", contains(beta.toString(), alpha.toString(), gamma.toString()));
        as(TestTokens.master()).queryParam("q", tag + " g").queryParam("size", 1).get("/api/v1/restaurants").then()
                .body("total", equalTo(1)).body("items.id", contains(gamma.toString()));
    }

    @Test
    void wildcardsAreLiteral() {
        String tag = "Pct" + UUID.randomUUID().toString().substring(0, 8);
        UUID percent = TestData.restaurant(tag + " 100% Pizza");
        TestData.restaurant(tag + " 100 Pizza");
        as(TestTokens.master()).queryParam("q", tag + " 100%").get("/api/v1/restaurants").then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", contains(percent.toString()));
        as(TestTokens.master()).queryParam("q", tag + "_").get("/api/v1/restaurants").then().body("total", equalTo(0));
    }

    @Test
    void badParametersAreNamed400s() {
        as(TestTokens.master()).queryParam("sort", "price").get("/api/v1/restaurants").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("sort"));
        as(TestTokens.master()).queryParam("q", "x".repeat(101)).get("/api/v1/restaurants").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", hasItem("q"));
    }

    @Test
    void staffSearchOnlyTheirOwn() {
        String tag = "Own" + UUID.randomUUID().toString().substring(0, 8);
        UUID mine = TestData.restaurant(tag + " Mine");
        TestData.restaurant(tag + " Theirs");
        for (String token : new String[] { TestTokens.admin(mine), TestTokens.chef(mine), TestTokens.waiter(mine) }) {
            as(token).queryParam("q", tag).get("/api/v1/restaurants").then().statusCode(200)
                    .body("total", equalTo(1)).body("items.id", contains(mine.toString()));
            as(token).queryParam("q", "Theirs").queryParam("sort", "name").get("/api/v1/restaurants").then()
                    .statusCode(200).body("total", equalTo(0));
        }
        as(TestTokens.customer(UUID.randomUUID())).queryParam("q", tag).get("/api/v1/restaurants").then()
                .statusCode(403).contentType(PROBLEM);
        as(TestTokens.guest(mine, UUID.randomUUID())).queryParam("q", tag).get("/api/v1/restaurants").then()
                .statusCode(403);
    }
}
