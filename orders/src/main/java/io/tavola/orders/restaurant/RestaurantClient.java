package io.tavola.orders.restaurant;

import io.smallrye.mutiny.Uni;
import io.tavola.common.error.ApiException;
import io.tavola.common.menu.PriceBook;
import io.tavola.common.menu.Quote;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Asks the restaurant service for the authoritative quote. An unknown restaurant is the caller's
 * mistake (404, not a failure for the breaker); anything else going wrong means the restaurant
 * service is unavailable right now, which the caller sees as 503, never as a 500.
 */
@ApplicationScoped
public class RestaurantClient {

    private static final Logger LOG = Logger.getLogger(RestaurantClient.class);

    @RestClient
    RestaurantApi api;

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = ApiException.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = ApiException.class)
    @Fallback(fallbackMethod = "unavailable", skipOn = ApiException.class)
    public Uni<Quote> quote(UUID restaurantId, List<Quote.RequestLine> lines) {
        return api.quote(restaurantId, new Quote.Request(lines))
                .onFailure(WebApplicationException.class).transform(e -> {
                    int status = ((WebApplicationException) e).getResponse().getStatus();
                    return status == 404 ? ApiException.notFound("Restaurant") : e;
                });
    }

    /** The whole price book; the same answers as {@link #quote} for failures. */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = ApiException.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = ApiException.class)
    @Fallback(fallbackMethod = "bookUnavailable", skipOn = ApiException.class)
    public Uni<PriceBook> book(UUID restaurantId) {
        return api.book(restaurantId)
                .onFailure(WebApplicationException.class).transform(e -> {
                    int status = ((WebApplicationException) e).getResponse().getStatus();
                    return status == 404 ? ApiException.notFound("Restaurant") : e;
                });
    }

    /**
     * The table a staff member names, checked by the restaurant service with the caller's own token: a
     * table of another restaurant, or none at all, is a 404 (issue 12's security suite found staff
     * opening sessions on foreign table ids).
     */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = ApiException.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = ApiException.class)
    @Fallback(fallbackMethod = "tableUnavailable", skipOn = ApiException.class)
    public Uni<TableRef> requireTable(UUID restaurantId, UUID tableId, String authorization) {
        return api.table(restaurantId, tableId, authorization)
                .onFailure(WebApplicationException.class).transform(e -> {
                    int status = ((WebApplicationException) e).getResponse().getStatus();
                    return status == 404 || status == 403 || status == 401 ? ApiException.notFound("Table") : e;
                });
    }

    Uni<TableRef> tableUnavailable(UUID restaurantId, UUID tableId, String authorization, Throwable cause) {
        LOG.warnf("restaurant service unavailable for a table of %s: %s", restaurantId, cause.toString());
        return Uni.createFrom().failure(new ApiException(503, "restaurant-unavailable", "Service unavailable",
                "The table cannot be checked right now; please try again in a moment"));
    }

    Uni<PriceBook> bookUnavailable(UUID restaurantId, Throwable cause) {
        LOG.warnf("restaurant service unavailable for the price book of %s: %s", restaurantId, cause.toString());
        return Uni.createFrom().failure(pricesUnavailable());
    }

    Uni<Quote> unavailable(UUID restaurantId, List<Quote.RequestLine> lines, Throwable cause) {
        LOG.warnf("restaurant service unavailable for a quote of %s: %s", restaurantId, cause.toString());
        return Uni.createFrom().failure(pricesUnavailable());
    }

    private static ApiException pricesUnavailable() {
        return new ApiException(503, "restaurant-unavailable", "Service unavailable",
                "Prices cannot be checked right now; please try again in a moment");
    }
}
