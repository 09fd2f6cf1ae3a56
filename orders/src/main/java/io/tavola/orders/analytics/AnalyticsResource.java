package io.tavola.orders.analytics;

import io.smallrye.mutiny.Uni;
import io.quarkus.security.Authenticated;
import io.tavola.orders.web.QueryValues;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

@Path("/api/v1/analytics")
public class AnalyticsResource {

    @Inject
    SalesAnalytics analytics;

    /**
     * Revenue and order count per local day and hour of day, popular items, average ticket and
     * preparation time for {@code from}..{@code to} (local dates, inclusive). Restaurant admins and master.
     */
    @GET
    @Authenticated
    public Uni<SalesReport> report(@QueryParam("restaurant_id") String restaurantId, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("top") @DefaultValue("10") String top) {
        return analytics.report(QueryValues.uuid("restaurant_id", restaurantId), from, to,
                QueryValues.integer("top", top));
    }
}
