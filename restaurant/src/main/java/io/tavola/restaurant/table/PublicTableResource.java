package io.tavola.restaurant.table;

import io.smallrye.mutiny.Uni;
import io.tavola.restaurant.table.TableDtos.QrLookup;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Public: which restaurant and table a scanned QR code belongs to (auth mints guest tokens with it). */
@Path("/api/v1/tables/{qrToken}")
public class PublicTableResource {

    @Inject
    DiningTables tables;

    @GET
    public Uni<QrLookup> lookup(@PathParam("qrToken") String qrToken) {
        return tables.lookup(qrToken);
    }
}
