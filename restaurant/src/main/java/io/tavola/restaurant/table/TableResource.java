package io.tavola.restaurant.table;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.tavola.common.security.Caller;
import io.tavola.common.security.Role;
import io.tavola.common.web.PageRequest;
import io.tavola.common.web.PageResult;
import io.tavola.restaurant.table.TableDtos.StatusRequest;
import io.tavola.restaurant.table.TableDtos.TableRequest;
import io.tavola.restaurant.table.TableDtos.TableView;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;

/**
 * Tables and their QR codes. All staff of the restaurant see them (a QR token is printed on the table
 * anyway); its admin (or a master admin) creates, edits, deletes and rotates; waiters and the admin
 * change the status as guests come and go.
 */
@Path("/api/v1/restaurants/{rid}/tables")
@Authenticated
public class TableResource {

    @Inject
    Caller caller;

    @Inject
    DiningTables tables;

    @Inject
    QrCodes qr;

    @Inject
    QrSheet sheet;

    @GET
    public Uni<PageResult<TableView>> list(@PathParam("rid") UUID rid, @Valid @BeanParam PageRequest page) {
        caller.staffScope(rid, Role.RESTAURANT_ADMIN, Role.CHEF, Role.WAITER);
        return tables.list(rid, page).map(p -> new PageResult<>(p.items().stream().map(this::view).toList(), p.page(),
                p.size(), p.total()));
    }

    @GET
    @Path("{id}")
    public Uni<TableView> get(@PathParam("rid") UUID rid, @PathParam("id") UUID id) {
        caller.staffScope(rid, Role.RESTAURANT_ADMIN, Role.CHEF, Role.WAITER);
        return tables.get(id).map(this::view);
    }

    @POST
    public Uni<Response> create(@PathParam("rid") UUID rid, @Valid @NotNull TableRequest request, UriInfo uri) {
        caller.staffScope(rid, Role.RESTAURANT_ADMIN);
        return tables.create(rid, request).map(t -> Response
                .created(uri.getAbsolutePathBuilder().path(t.id.toString()).build()).entity(view(t)).build());
    }

    @PUT
    @Path("{id}")
    public Uni<TableView> update(@PathParam("rid") UUID rid, @PathParam("id") UUID id,
            @Valid @NotNull TableRequest request) {
        caller.staffScope(rid, Role.RESTAURANT_ADMIN);
        return tables.update(rid, id, request).map(this::view);
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("rid") UUID rid, @PathParam("id") UUID id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        UUID restaurant = caller.staffScope(rid, Role.RESTAURANT_ADMIN);
        return tables.delete(restaurant, id, authorization).replaceWith(Response.noContent().build());
    }

    @PUT
    @Path("{id}/status")
    public Uni<TableView> putStatus(@PathParam("rid") UUID rid, @PathParam("id") UUID id,
            @Valid @NotNull StatusRequest request) {
        caller.staffScope(rid, Role.RESTAURANT_ADMIN, Role.WAITER);
        return tables.setStatus(id, request.status()).map(this::view);
    }

    @PATCH
    @Path("{id}/status")
    public Uni<TableView> patchStatus(@PathParam("rid") UUID rid, @PathParam("id") UUID id,
            @Valid @NotNull StatusRequest request) {
        return putStatus(rid, id, request);
    }

    @POST
    @Path("{id}/qr-token/rotate")
    public Uni<TableView> rotate(@PathParam("rid") UUID rid, @PathParam("id") UUID id) {
        caller.staffScope(rid, Role.RESTAURANT_ADMIN);
        return tables.rotateToken(id).map(this::view);
    }

    @GET
    @Path("{id}/qr.png")
    @Produces("image/png")
    public Uni<Response> png(@PathParam("rid") UUID rid, @PathParam("id") UUID id,
            @QueryParam("size") @DefaultValue("512") @Min(128) @Max(2048) int size) {
        caller.staffScope(rid, Role.RESTAURANT_ADMIN, Role.CHEF, Role.WAITER);
        return tables.get(id).chain(t -> qr.pngOffLoop(t.qrToken, size, t.label))
                .map(png -> Response.ok(png, "image/png").header(HttpHeaders.CACHE_CONTROL, "private, no-store").build());
    }

    @GET
    @Path("{id}/qr.svg")
    @Produces("image/svg+xml")
    public Uni<Response> svg(@PathParam("rid") UUID rid, @PathParam("id") UUID id) {
        caller.staffScope(rid, Role.RESTAURANT_ADMIN, Role.CHEF, Role.WAITER);
        return tables.get(id).map(t -> Response.ok(qr.svg(t.qrToken), "image/svg+xml")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store").build());
    }

    /** A printable page with every active table's code and label (print it from the browser). */
    @GET
    @Path("qr-sheet")
    @Produces("text/html")
    public Uni<Response> qrSheet(@PathParam("rid") UUID rid) {
        caller.staffScope(rid, Role.RESTAURANT_ADMIN, Role.CHEF, Role.WAITER);
        return tables.allActive(rid).map(active -> Response.ok(sheet.html(active), "text/html; charset=UTF-8")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store").build());
    }

    private TableView view(DiningTable t) {
        return TableView.of(t, qr.dinerUrl(t.qrToken));
    }
}
