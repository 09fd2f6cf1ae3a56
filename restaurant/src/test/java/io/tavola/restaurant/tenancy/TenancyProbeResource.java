package io.tavola.restaurant.tenancy;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.tavola.common.error.ApiException;
import io.tavola.common.tenancy.TenantFilter;
import io.tavola.common.tenancy.TenantScope;
import io.tavola.restaurant.table.DiningTable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Test-only endpoints (served by the test application only) whose queries name no restaurant at all:
 * what they return is decided by the tenant filter and the request's scope alone.
 */
@Path("/test/tenancy")
public class TenancyProbeResource {

    public record Row(UUID id, UUID restaurantId) {}

    /** Every table, as a query without any tenant predicate sees them. */
    @GET
    @Path("/tables")
    @WithSession
    public Uni<List<Row>> tables() {
        return DiningTable.<DiningTable>listAll().map(TenancyProbeResource::rows);
    }

    /** The same query with the filter switched off in this session: what a forgotten predicate would leak. */
    @GET
    @Path("/tables-unfiltered")
    @WithSession
    public Uni<List<Row>> tablesUnfiltered() {
        return Panache.getSession().invoke(session -> session.disableFilter(TenantFilter.NAME))
                .chain(() -> DiningTable.<DiningTable>listAll()).map(TenancyProbeResource::rows);
    }

    /** A load by id, which Hibernate filters too (applyToLoadByKey). */
    @GET
    @Path("/tables/{id}")
    @WithSession
    public Uni<Row> table(@PathParam("id") UUID id) {
        return DiningTable.<DiningTable>findById(id).map(t -> {
            if (t == null) {
                throw ApiException.notFound("Table");
            }
            return new Row(t.id, t.restaurantId);
        });
    }

    /** A bulk update by id only: how many rows it touched. */
    @POST
    @Path("/tables/{id}/touch")
    public Uni<Integer> touch(@PathParam("id") UUID id) {
        return Panache.withTransaction(() -> DiningTable.update("updatedAt = ?1 where id = ?2", Instant.now(), id));
    }

    /** Internal code (no caller) names the restaurant it works for. */
    @GET
    @Path("/within/{rid}/tables")
    public Uni<List<Row>> within(@PathParam("rid") UUID rid) {
        return TenantScope.within(TenantScope.of(rid),
                () -> Panache.withSession(() -> DiningTable.<DiningTable>listAll()))
                .map(TenancyProbeResource::rows);
    }

    private static List<Row> rows(List<DiningTable> tables) {
        return tables.stream().map(t -> new Row(t.id, t.restaurantId)).toList();
    }
}
