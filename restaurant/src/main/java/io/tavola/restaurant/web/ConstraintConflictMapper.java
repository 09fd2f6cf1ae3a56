package io.tavola.restaurant.web;

import io.tavola.common.error.Problems;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.hibernate.exception.ConstraintViolationException;

/**
 * The database's constraints are the last word when two requests race past the same check (a
 * double-submitted "new table 21", a category deleted while an item is filed under it): the loser gets
 * the same 409 the check would have given, not a 500.
 */
@Provider
public class ConstraintConflictMapper implements ExceptionMapper<ConstraintViolationException> {

    private record Conflict(String slug, String detail) {}

    private static final Map<String, Conflict> KNOWN = Map.of(
            "dining_tables_number_uq", new Conflict("table-number-taken", "That table number exists"),
            "categories_name_uq", new Conflict("category-exists", "A category with that name exists"));

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(ConstraintViolationException e) {
        Conflict conflict = KNOWN.getOrDefault(e.getConstraintName() == null ? "" : e.getConstraintName(),
                new Conflict("concurrent-change", "The change conflicts with another one made at the same time; "
                        + "reload and try again"));
        return Problems.response(409, conflict.slug(), "Conflict", conflict.detail(), null, uri, headers);
    }
}
