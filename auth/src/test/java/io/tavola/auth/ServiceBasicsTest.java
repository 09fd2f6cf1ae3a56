package io.tavola.auth;

import io.quarkus.test.junit.QuarkusTest;
import io.tavola.common.testkit.ServiceBasicsContract;

@QuarkusTest
class ServiceBasicsTest extends ServiceBasicsContract {}
