package io.tavola.common.testkit;

import static io.restassured.RestAssured.given;
import static io.tavola.common.testkit.Management.management;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import org.junit.jupiter.api.Test;

/**
 * What every Tavola service answers, checked the same way in each module (as a {@code @QuarkusTest}
 * and, through a subclass, against the packaged jar): health and metrics on the management interface
 * only, the overall status on the public {@code /health}, OpenAPI, problem+json 404s.
 */
public abstract class ServiceBasicsContract {

    @Test
    void readinessIsUpWithItsBackingServices() {
        management().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("$", hasKey("checks"));
    }

    @Test
    void livenessIsUpOnTheManagementInterface() {
        management().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        management().when().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void publicHealthAliasTellsTheOverallStatusOnly() {
        given().when().get("/health").then().statusCode(200).contentType("application/json")
                .body("status", equalTo("UP")).body("$", aMapWithSize(1));
    }

    @Test
    void prometheusMetricsAreServedOnTheManagementInterface() {
        management().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    /** Metrics show every tenant's figures and health names the backing servers: not for the public port. */
    @Test
    void metricsAndDetailedHealthAreNotOnThePublicPort() {
        for (String path : new String[] { "/q/metrics", "/q/health", "/q/health/ready", "/q/health/live",
                "/q/health/started", "/q/health-ui/" }) {
            given().redirects().follow(false).when().get(path).then().statusCode(404);
        }
    }

    @Test
    void openApiDescribesTheService() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("openapi", org.hamcrest.Matchers.startsWith("3."));
    }

    @Test
    void unknownApiPathIsProblemJson() {
        given().when().get("/api/v1/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }
}
