package io.tavola.restaurant.table;

import io.smallrye.mutiny.Uni;
import io.tavola.common.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Whether a table's party still has an open tab, asked of the orders service (which owns the tabs) with
 * the caller's own token, so orders scopes the answer to the caller's restaurant. A table with an open tab
 * is not removed: its diners could not order or pay any more. If orders cannot answer, nothing is removed
 * (503), rather than removing a table blind.
 */
@ApplicationScoped
public class OpenTabs {

    private static final Logger LOG = Logger.getLogger(OpenTabs.class);
    private static final int PAGE = 100;
    /** At most this many pages of open tabs are read (10,000 tabs open at once in one restaurant). */
    private static final int MAX_PAGES = 100;

    @RestClient
    OrdersApi orders;

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = ApiException.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = ApiException.class)
    @Fallback(fallbackMethod = "unavailable", skipOn = ApiException.class)
    public Uni<Boolean> atTable(UUID restaurantId, UUID tableId, String authorization) {
        return page(restaurantId, tableId, authorization, 0);
    }

    private Uni<Boolean> page(UUID restaurantId, UUID tableId, String authorization, int page) {
        return orders.sessions(restaurantId, "open", page, PAGE, authorization).chain(found -> {
            if (found.items().stream().anyMatch(tab -> tableId.equals(tab.tableId()))) {
                return Uni.createFrom().item(true);
            }
            boolean more = (long) (page + 1) * PAGE < found.total() && page + 1 < MAX_PAGES;
            return more ? page(restaurantId, tableId, authorization, page + 1) : Uni.createFrom().item(false);
        });
    }

    Uni<Boolean> unavailable(UUID restaurantId, UUID tableId, String authorization, Throwable cause) {
        LOG.warnf("orders service unavailable for the open tabs of %s: %s", restaurantId, cause.toString());
        return Uni.createFrom().failure(new ApiException(503, "orders-unavailable", "Service unavailable",
                "Whether the table still has an open tab cannot be checked right now; please try again in a moment",
                null, Map.of("Retry-After", "5")));
    }
}
