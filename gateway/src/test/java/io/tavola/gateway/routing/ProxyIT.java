package io.tavola.gateway.routing;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The proxy checks against the packaged jar. */
@QuarkusIntegrationTest
class ProxyIT extends ProxyTest {}
