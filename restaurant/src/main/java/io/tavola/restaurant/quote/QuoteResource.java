package io.tavola.restaurant.quote;

import io.smallrye.mutiny.Uni;
import io.tavola.common.menu.Quote;
import io.tavola.common.tenancy.TenantScope;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;

/** Public: it reveals only what the public menu shows (prices, availability, modifier rules). */
@Path("/api/v1/restaurants/{rid}/menu/quote")
public class QuoteResource {

    @Inject
    PriceQuotes quotes;

    @POST
    public Uni<Quote> quote(@PathParam("rid") UUID rid, @Valid @NotNull Quote.Request request) {
        // public: prices of the restaurant the path names; another's item ids are unknown items
        TenantScope.set(TenantScope.of(rid));
        return quotes.quote(rid, request);
    }
}
