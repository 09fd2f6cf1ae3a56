package io.tavola.auth;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same checks against the packaged jar. */
@QuarkusIntegrationTest
class ServiceBasicsIT extends ServiceBasicsTest {}
