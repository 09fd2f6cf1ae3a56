package io.tavola.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.tavola.common.testkit.TestTokens;
import io.tavola.gateway.support.TestDoubles;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiTest {

    @Test
    void oneDocumentHoldsEveryServicesRoutedPaths() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .contentType("application/json")
                .body("openapi", startsWith("3."))
                .body("info.title", equalTo("Tavola API"))
                .body("paths", hasKey("/api/v1/auth/login"))
                .body("paths", hasKey("/api/v1/restaurants/{rid}/menu"))
                .body("paths", hasKey("/api/v1/orders"))
                .body("paths", hasKey("/api/v1/customers/me"))
                .body("paths", not(hasKey("/q/health")))
                .body("tags.name", org.hamcrest.Matchers.hasItems("auth", "restaurant", "orders", "customers"));
    }

    @Test
    void clashingComponentNamesAreKeptApartAndSharedOnesMerged() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas", hasKey("Problem"))
                .body("components.schemas", hasKey("Item"))
                .body("components.schemas", hasKey("orders_Item"))
                .body("components.schemas", not(hasKey("customers_Problem")))
                .body("components.schemas.orders_Item.properties", hasKey("quantity"))
                .body("paths.'/api/v1/orders'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/orders_Item"))
                .body("paths.'/api/v1/restaurants/{rid}/menu'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/Item"));
    }

    @Test
    void yamlByDefaultAndSwaggerUiShowsIt() {
        given().get("/q/openapi").then().statusCode(200).contentType(containsString("yaml"))
                .body(containsString("/api/v1/orders:"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void aServiceThatIsDownIsLeftOutAndNamed() {
        TestDoubles.customers.stop();
        try {
            given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                    .body("paths", hasKey("/api/v1/orders"))
                    .body("paths", not(hasKey("/api/v1/customers/me")))
                    .body("info.description", containsString("customers"));
        } finally {
            TestDoubles.customers.restart();
        }
        String token = TestTokens.customer(UUID.randomUUID());
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> given().auth().oauth2(token).get("/api/v1/customers/me").statusCode() == 200);
    }
}
