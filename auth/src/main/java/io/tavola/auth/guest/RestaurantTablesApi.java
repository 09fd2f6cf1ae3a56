package io.tavola.auth.guest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

@RegisterRestClient(configKey = "restaurant")
@Path("/api/v1/tables")
public interface RestaurantTablesApi {

    @GET
    @Path("/{qrToken}")
    Uni<TableLookup> lookup(@PathParam("qrToken") String qrToken);
}
