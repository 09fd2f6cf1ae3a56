package io.tavola.common.testkit;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Requests to the service's management interface (health checks, metrics), which listens on a port of
 * its own: {@code quarkus.management.test-port} in a {@code @QuarkusTest}, the same number as
 * {@code %test.quarkus.management.port} for the packaged jar of an {@code *IT}.
 */
public final class Management {

    private Management() {
    }

    public static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    /** {@code given()} aimed at the management interface instead of the public port. */
    public static RequestSpecification management() {
        return given().baseUri("http://127.0.0.1").port(port());
    }
}
