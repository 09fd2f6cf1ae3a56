package io.tavola.gateway;

import static io.restassured.RestAssured.given;
import static io.tavola.common.testkit.Management.management;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tavola.common.testkit.ServiceBasicsContract;
import io.tavola.gateway.support.TestDoubles;
import org.junit.jupiter.api.Test;

/** The service doubles are global: every test class shares one gateway application. */
@QuarkusTest
@WithTestResource(value = TestDoubles.class, scope = TestResourceScope.GLOBAL)
class ServiceBasicsTest extends ServiceBasicsContract {

    /** Readiness shows Redis for rate limiting, reported rather than failing (the gateway fails open). */
    @Test
    void readinessWatchesWhatThisServiceUses() {
        management().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItems("gateway-rate-limiting"));
    }
}
