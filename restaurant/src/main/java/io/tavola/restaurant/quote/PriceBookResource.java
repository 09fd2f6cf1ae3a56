package io.tavola.restaurant.quote;

import io.smallrye.mutiny.Uni;
import io.tavola.common.menu.PriceBook;
import io.tavola.common.tenancy.TenantScope;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * For the orders service only: the gateway routes nothing outside {@code /api}, and the mesh lets only
 * orders call it (kubernetes/components/istio). It holds what quotes reveal, for every item at once.
 */
@Path("/internal/v1/restaurants/{rid}/price-book")
public class PriceBookResource {

    @Inject
    PriceQuotes quotes;

    @GET
    @Operation(hidden = true) // not part of the public API: the merged OpenAPI document would carry its schema unused
    public Uni<PriceBook> book(@PathParam("rid") UUID rid) {
        TenantScope.set(TenantScope.of(rid));
        return quotes.book(rid);
    }
}
