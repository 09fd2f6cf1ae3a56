package io.tavola.common.error;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Bean-validation failures: 400 with every field at fault, named as the client spelled it. */
@Provider
public class ValidationExceptionMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .collect(Collectors.toList());
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return Problems.response(400, "validation-failed", "Validation failed", detail, errors, uri, headers);
    }

    /**
     * The field as the client wrote it in the JSON: method and parameter nodes dropped, snake_case, list
     * positions on the list's own segment ({@code modifier_groups[0].options[1].price_delta}); a
     * violation of a whole parameter is named after it, or "body".
     */
    static String fieldName(ConstraintViolation<?> violation) {
        List<String> segments = new ArrayList<>();
        String leafParameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.RETURN_VALUE
                    || kind == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                leafParameter = node.getName();
                continue;
            }
            leafParameter = null;
            // an element of a list: its index belongs to the list's segment
            if (node.isInIterable() && !segments.isEmpty()) {
                Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                int last = segments.size() - 1;
                segments.set(last, segments.get(last) + "[" + (position == null ? "" : position) + "]");
            }
            if (kind != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                segments.add(snakeCase(node.getName()));
            }
        }
        if (segments.isEmpty()) {
            return leafParameter != null ? snakeCase(leafParameter) : "body";
        }
        return String.join(".", segments);
    }

    static String snakeCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
