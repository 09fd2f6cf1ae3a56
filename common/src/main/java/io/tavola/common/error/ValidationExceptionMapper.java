package io.tavola.common.error;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
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
     * Drops the method and parameter nodes of a parameter violation ({@code create.request.tableNumber})
     * and converts to the snake_case used on the wire ({@code table_number}); a missing body is "body".
     */
    static String fieldName(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        int index = 0;
        for (Path.Node node : violation.getPropertyPath()) {
            boolean methodOrParameter = node.getKind() == jakarta.validation.ElementKind.METHOD
                    || node.getKind() == jakarta.validation.ElementKind.PARAMETER;
            if (!methodOrParameter && node.getName() != null) {
                String name = snakeCase(node.getName());
                if (node.getIndex() != null) {
                    name = name + "[" + node.getIndex() + "]";
                }
                names.add(name);
            } else if (node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
                index++;
                if (!violation.getPropertyPath().toString().contains(node.getName() + ".")) {
                    names.add(snakeCase(node.getName()));
                }
            }
        }
        if (names.isEmpty()) {
            return index > 0 ? "body" : violation.getPropertyPath().toString();
        }
        return String.join(".", names);
    }

    static String snakeCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
