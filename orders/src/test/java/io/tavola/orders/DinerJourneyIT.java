package io.tavola.orders;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same evening against the packaged jar. */
@QuarkusIntegrationTest
class DinerJourneyIT extends DinerJourneyTest {}
