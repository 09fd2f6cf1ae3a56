package io.tavola.restaurant;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tavola.common.testkit.TestTokens;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** Builds restaurants, menus and tables through the API, as a master admin and a restaurant admin would. */
public final class TestData {

    private TestData() {}

    public static RequestSpecification as(String token) {
        return given().header("Authorization", TestTokens.bearer(token)).contentType(ContentType.JSON);
    }

    public static UUID restaurant(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("currency", "EUR");
        body.put("time_zone", "Europe/Rome");
        return UUID.fromString(as(TestTokens.master()).body(body).post("/api/v1/restaurants")
                .then().statusCode(201).extract().path("id"));
    }

    public static UUID category(UUID rid, String name) {
        return UUID.fromString(as(TestTokens.admin(rid)).body(Map.of("name", name))
                .post("/api/v1/restaurants/{rid}/categories", rid).then().statusCode(201).extract().path("id"));
    }

    /** A pizza with a "Size" (exactly one) and "Extras" (up to 3 of 4) group. */
    public static Map<String, Object> pizza(UUID categoryId, String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("category_id", categoryId.toString());
        body.put("name", name);
        body.put("description", "Tomato, mozzarella, basil");
        body.put("price", 9.50);
        body.put("preparation_minutes", 12);
        body.put("dietary_tags", List.of("vegetarian"));
        body.put("allergens", List.of("cereals_gluten", "milk"));
        body.put("modifier_groups", List.of(
                group("Size", 1, 1, option("Regular", 0), option("Large", 2.00)),
                group("Extras", 0, 3, option("Olives", 1.00), option("Anchovies", 1.50), option("Basil", 0.50),
                        option("Chili", 0.50))));
        return body;
    }

    public static Map<String, Object> group(String name, int min, int max, Map<String, Object>... options) {
        Map<String, Object> g = new HashMap<>();
        g.put("name", name);
        g.put("min_select", min);
        g.put("max_select", max);
        g.put("options", new ArrayList<>(List.of(options)));
        return g;
    }

    public static Map<String, Object> option(String name, double delta) {
        Map<String, Object> o = new HashMap<>();
        o.put("name", name);
        o.put("price_delta", delta);
        return o;
    }

    public static UUID item(UUID rid, Map<String, Object> body) {
        return UUID.fromString(as(TestTokens.admin(rid)).body(body).post("/api/v1/restaurants/{rid}/menu-items", rid)
                .then().statusCode(201).extract().path("id"));
    }

    public static UUID table(UUID rid, String number) {
        return UUID.fromString(as(TestTokens.admin(rid)).body(Map.of("table_number", number, "capacity", 4))
                .post("/api/v1/restaurants/{rid}/tables", rid).then().statusCode(201).extract().path("id"));
    }

    /** Every kind of caller that is not staff of {@code rid}: they must all get 404 on its resources. */
    public static List<String> outsiders(UUID otherRestaurant) {
        return List.of(TestTokens.admin(otherRestaurant), TestTokens.chef(otherRestaurant),
                TestTokens.waiter(otherRestaurant), TestTokens.guest(otherRestaurant, UUID.randomUUID()),
                TestTokens.customer(UUID.randomUUID()));
    }

    /** Changes a row behind the service's back (to prove what is served from the cache). */
    public static void sql(String statement) {
        Config config = ConfigProvider.getConfig();
        try (Connection connection = DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
                Statement s = connection.createStatement()) {
            s.execute(statement);
        } catch (Exception e) {
            throw new IllegalStateException(statement, e);
        }
    }
}
