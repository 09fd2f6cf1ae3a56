package io.tavola.gateway.web;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/** The same against the packaged jar, where Swagger UI is not part of the build at all. */
@QuarkusIntegrationTest
class ExposureIT extends ExposureTest {

    @Test
    void swaggerUiIsNotInThePackagedGateway() {
        given().redirects().follow(false).get("/q/swagger-ui/").then().statusCode(404);
        given().redirects().follow(false).get("/q/swagger-ui").then().statusCode(404);
        given().redirects().follow(false).get("/q/health-ui/").then().statusCode(404);
    }
}
