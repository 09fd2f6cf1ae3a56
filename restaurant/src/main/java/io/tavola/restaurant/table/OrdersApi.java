package io.tavola.restaurant.table;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The part of the orders service's HTTP API this service uses: a restaurant's open tabs (docs/contracts.md). */
@RegisterRestClient(configKey = "orders")
@Path("/api/v1/sessions")
@Produces(MediaType.APPLICATION_JSON)
public interface OrdersApi {

    @GET
    Uni<TabPage> sessions(@QueryParam("restaurant_id") UUID restaurantId, @QueryParam("status") String status,
            @QueryParam("page") int page, @QueryParam("size") int size,
            @HeaderParam("Authorization") String authorization);

    /** A page of orders' session summaries; only what this service reads of them. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TabPage(List<Tab> items, int page, int size, long total) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Tab(UUID id, UUID tableId, String status) {}
}
