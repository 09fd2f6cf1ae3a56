package io.tavola.orders;

import io.quarkus.test.junit.QuarkusTest;
import io.tavola.common.testkit.ServiceBasicsContract;

@QuarkusTest
class ServiceBasicsTest extends ServiceBasicsContract {}
