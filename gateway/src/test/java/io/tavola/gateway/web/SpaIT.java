package io.tavola.gateway.web;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The web app served by the packaged jar. */
@QuarkusIntegrationTest
class SpaIT extends SpaTest {}
