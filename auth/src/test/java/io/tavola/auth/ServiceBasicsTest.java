package io.tavola.auth;

import static io.restassured.RestAssured.given;
import static io.tavola.common.testkit.Management.management;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.tavola.common.testkit.ServiceBasicsContract;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ServiceBasicsTest extends ServiceBasicsContract {

    /** Readiness reflects what this service depends on: PostgreSQL and Redis. */
    @Test
    void readinessWatchesWhatThisServiceUses() {
        management().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'redis' }.data.redis", org.hamcrest.Matchers.equalTo("connected"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check", "redis"));
    }
}
