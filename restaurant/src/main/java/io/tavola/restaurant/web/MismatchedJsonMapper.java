package io.tavola.restaurant.web;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.tavola.common.error.Problem;
import io.tavola.common.error.Problems;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A JSON value of the wrong type ({@code "price": "cheap"}) as problem+json naming the field. Quarkus
 * REST ships its own mapper for exactly this exception type, which wins over common's
 * JsonProcessingException mapper and answers plain JSON; this module-level one takes precedence again.
 * (Belongs in common: reported.)
 */
@Provider
public class MismatchedJsonMapper implements ExceptionMapper<MismatchedInputException> {

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(MismatchedInputException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (field.isEmpty()) {
            return Problems.response(400, "malformed-json", "Malformed JSON",
                    "The request body does not have the expected shape", null, uri, headers);
        }
        String message = "must be a valid " + describe(e.getTargetType());
        return Problems.response(400, "validation-failed", "Validation failed", field + ": " + message,
                List.of(new Problem.FieldError(field, message)), uri, headers);
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == java.util.UUID.class) {
            return "UUID";
        }
        if (type == String.class) {
            return "string";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "array";
        }
        return "object";
    }
}
