package io.tavola.gateway.web;

import static io.restassured.RestAssured.given;
import static io.tavola.common.testkit.Management.management;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.tavola.common.testkit.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The gateway is the public front door: metrics (every tenant's revenue) and detailed health (which
 * servers back it) must not be reachable through it, whatever path tricks a client tries; only the
 * overall status is public.
 */
@QuarkusTest
class ExposureTest {

    private final String chef = TestTokens.chef(UUID.randomUUID());

    @Test
    void publicHealthIsTheOverallStatusWithoutChecks() {
        given().get("/health").then().statusCode(200).body("$", aMapWithSize(1)).body("status", equalTo("UP"))
                .body(not(containsString("checks"))).body(not(containsString("redis")));
    }

    @Test
    void metricsAndDetailedHealthAreNotServedByTheGateway() {
        for (String path : new String[] { "/q/metrics", "/q/health", "/q/health/ready", "/q/health/live" }) {
            given().get(path).then().statusCode(404).body(not(containsString("jvm_")));
            given().auth().oauth2(chef).get(path).then().statusCode(404);
        }
    }

    /** Dot segments are resolved before routing: no path reaches the gateway's /q or leaves the API prefix. */
    @Test
    void pathTricksDoNotReachManagementEndpointsThroughTheProxy() {
        for (String path : new String[] { "/api/v1/orders/../../q/metrics", "/api/v1/orders/%2e%2e/%2e%2e/q/metrics",
                "/api/v1/auth/..%2f..%2fq/health/ready", "/api/v1/orders/%2e%2e/%2e%2e/q/health" }) {
            var answer = given().urlEncodingEnabled(false).auth().oauth2(chef).get(path).then()
                    .body(not(containsString("jvm_"))).body(not(containsString("\"checks\""))).extract();
            if (answer.statusCode() == 200) {
                // forwarded at all, then only below the API prefix (the service stand-in echoes the path)
                org.junit.jupiter.api.Assertions.assertTrue(answer.path("path").toString().startsWith("/api/v1/"), path);
            }
        }
    }

    @Test
    void theManagementInterfaceHasThem() {
        management().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        management().get("/q/health/ready").then().statusCode(200).body("checks.name",
                org.hamcrest.Matchers.hasItem("gateway-rate-limiting"));
    }
}
