package io.tavola.customers;

import io.quarkus.test.junit.QuarkusTest;
import io.tavola.common.testkit.TenantFilterContract;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

/** A new entity with a restaurant_id column cannot forget the tenant filter (restaurant's TenancyTest proves it). */
@QuarkusTest
class TenancyContractTest {

    @Inject
    Mutiny.SessionFactory sessions;

    @Test
    void everyEntityWithARestaurantColumnCarriesTheFilter() {
        TenantFilterContract.assertEveryTenantEntityFiltered(sessions);
    }
}
