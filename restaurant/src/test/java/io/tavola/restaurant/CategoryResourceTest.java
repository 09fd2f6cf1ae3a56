package io.tavola.restaurant;

import static io.tavola.restaurant.TestData.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.tavola.common.testkit.Tables;
import io.tavola.common.testkit.TestTokens;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CategoryResourceTest {

    private static final String PATH = "/api/v1/restaurants/{rid}/categories";

    @Test
    void adminManagesCategoriesInDisplayOrderAndStaffRead() {
        UUID rid = TestData.restaurant("Categories");
        String id = as(TestTokens.admin(rid)).body(Map.of("name", "Dolci", "display_order", 2)).post(PATH, rid)
                .then().statusCode(201).header("Location", org.hamcrest.Matchers.containsString("/categories/"))
                .body("name", equalTo("Dolci")).extract().path("id");
        as(TestTokens.master()).body(Map.of("name", "Pizze", "display_order", 1, "description", "Wood oven"))
                .post(PATH, rid).then().statusCode(201);
        for (String token : new String[] { TestTokens.admin(rid), TestTokens.chef(rid), TestTokens.waiter(rid) }) {
            as(token).get(PATH, rid).then().statusCode(200).body("total", equalTo(2))
                    .body("items.name", contains("Pizze", "Dolci"));
        }
        as(TestTokens.admin(rid)).body(Map.of("name", "Desserts", "display_order", 0))
                .put(PATH + "/{id}", rid, id).then().statusCode(200).body("name", equalTo("Desserts"));
        as(TestTokens.waiter(rid)).get(PATH + "/{id}", rid, id).then().statusCode(200)
                .body("display_order", equalTo(0));
        as(TestTokens.admin(rid)).body(Map.of("name", "pizze")).post(PATH, rid).then().statusCode(409)
                .contentType("application/problem+json");
        as(TestTokens.chef(rid)).body(Map.of("name", "Chef's")).post(PATH, rid).then().statusCode(403);
        as(TestTokens.waiter(rid)).delete(PATH + "/{id}", rid, id).then().statusCode(403);
        as(TestTokens.admin(rid)).delete(PATH + "/{id}", rid, id).then().statusCode(204);
        as(TestTokens.admin(rid)).get(PATH + "/{id}", rid, id).then().statusCode(404);
    }

    @Test
    void categoryWithItemsIsNotDeleted() {
        UUID rid = TestData.restaurant("Non-empty");
        UUID cat = TestData.category(rid, "Pizze");
        TestData.item(rid, TestData.pizza(cat, "Margherita"));
        as(TestTokens.admin(rid)).delete(PATH + "/{id}", rid, cat).then().statusCode(409)
                .body("type", endsWith("category-not-empty"));
    }

    @Test
    void otherRestaurantsCallersGet404AndChangeNothing() {
        UUID a = TestData.restaurant("Cat A");
        UUID b = TestData.restaurant("Cat B");
        UUID cat = TestData.category(a, "Antipasti");
        for (String token : TestData.outsiders(b)) {
            as(token).get(PATH, a).then().statusCode(404);
            as(token).get(PATH + "/{id}", a, cat).then().statusCode(404);
            as(token).body(Map.of("name", "Injected")).post(PATH, a).then().statusCode(404);
            as(token).body(Map.of("name", "Renamed")).put(PATH + "/{id}", a, cat).then().statusCode(404);
            as(token).delete(PATH + "/{id}", a, cat).then().statusCode(404);
        }
        // nor through their own restaurant's path
        as(TestTokens.admin(b)).get(PATH + "/{id}", b, cat).then().statusCode(404);
        as(TestTokens.admin(b)).body(Map.of("name", "Renamed")).put(PATH + "/{id}", b, cat).then().statusCode(404);
        as(TestTokens.admin(b)).delete(PATH + "/{id}", b, cat).then().statusCode(404);
        Assertions.assertEquals(1, Tables.count("select count(*) from restaurant.categories where restaurant_id = '"
                + a + "' and name = 'Antipasti'"));
        Assertions.assertEquals(1, Tables.count("select count(*) from restaurant.categories where restaurant_id = '"
                + a + "'"));
    }

    @Test
    void badInputIsProblemJsonNamingTheField() {
        UUID rid = TestData.restaurant("Bad categories");
        as(TestTokens.admin(rid)).body(Map.of("name", " ")).post(PATH, rid).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("name"));
        as(TestTokens.admin(rid)).body(Map.of("name", "Ok", "display_order", -1)).post(PATH, rid).then()
                .statusCode(400).body("errors.field", hasItem("display_order"));
        as(TestTokens.admin(rid)).body("{\"name\": \"Ok\", \"display_order\": \"first\"}").post(PATH, rid).then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("display_order"));
        as(TestTokens.admin(rid)).body("{\"name\": ").post(PATH, rid).then().statusCode(400)
                .contentType("application/problem+json");
        as(TestTokens.admin(rid)).get(PATH + "/not-a-uuid", rid).then().statusCode(404);
        as(TestTokens.admin(rid)).queryParam("size", 1000).get(PATH, rid).then().statusCode(400)
                .body("errors.field", hasItem("size"));
        Assertions.assertEquals(0, Tables.count("select count(*) from restaurant.categories where restaurant_id = '"
                + rid + "'"));
    }
}
