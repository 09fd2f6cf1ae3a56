package io.tavola.auth.guest;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import io.tavola.common.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Asks the restaurant service which table a QR token belongs to. Unknown or rotated tokens are "absent"
 * (404), not failures of the restaurant service, so they do not trip the breaker.
 */
@ApplicationScoped
public class RestaurantTables {

    @RestClient
    RestaurantTablesApi api;

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = ApiException.class)
    @CircuitBreakerName("restaurant-tables")
    public Uni<TableLookup> lookup(String qrToken) {
        return api.lookup(qrToken).onFailure(WebApplicationException.class).transform(e -> {
            int status = ((WebApplicationException) e).getResponse().getStatus();
            if (status == 404 || status == 400) {
                return ApiException.notFound("Table");
            }
            return e;
        });
    }
}
