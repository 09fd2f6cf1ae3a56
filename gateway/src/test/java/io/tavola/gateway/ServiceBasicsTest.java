package io.tavola.gateway;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tavola.common.testkit.ServiceBasicsContract;
import io.tavola.gateway.support.TestDoubles;

/** The service doubles are global: every test class shares one gateway application. */
@QuarkusTest
@WithTestResource(value = TestDoubles.class, scope = TestResourceScope.GLOBAL)
class ServiceBasicsTest extends ServiceBasicsContract {}
