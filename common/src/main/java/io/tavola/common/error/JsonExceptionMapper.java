package io.tavola.common.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.stream.Collectors;

/** Unreadable JSON bodies: 400 naming the field when Jackson knows it, never echoing internals. */
@Provider
public class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(JsonProcessingException e) {
        return toProblem(e, uri, headers);
    }

    static Response toProblem(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        if (e instanceof JsonParseException && e.getOriginalMessage() != null
                && e.getOriginalMessage().startsWith("Duplicate field")) {
            return Problems.response(400, "malformed-json", "Malformed JSON",
                    "The request body gives a field twice: " + e.getOriginalMessage().substring(16), null, uri, headers);
        }
        if (e instanceof JsonParseException || !(e instanceof DatabindException)) {
            return Problems.response(400, "malformed-json", "Malformed JSON",
                    "The request body is not valid JSON", null, uri, headers);
        }
        String field = fieldPath((JsonMappingException) e);
        String message;
        if (e instanceof UnrecognizedPropertyException) {
            message = "is not a field of this request";
        } else if (e instanceof InvalidFormatException invalid && invalid.getTargetType() == String.class
                && invalid.getValue() instanceof String text && RefusedText.problem(text) != null) {
            message = RefusedText.problem(text);
        } else if (e instanceof InvalidFormatException invalid) {
            message = "must be a valid " + simpleType(invalid.getTargetType());
        } else if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            message = "must be a valid " + simpleType(mismatched.getTargetType());
        } else {
            message = "has an invalid value";
        }
        if (field.isEmpty()) {
            return Problems.response(400, "malformed-json", "Malformed JSON",
                    "The request body does not have the expected shape", null, uri, headers);
        }
        return Problems.response(400, "validation-failed", "Validation failed", field + ": " + message,
                List.of(new Problem.FieldError(field, message)), uri, headers);
    }

    private static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .map(String::toLowerCase).collect(Collectors.joining(", "));
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "number";
        }
        if (type == java.util.UUID.class) {
            return "UUID";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "ISO-8601 timestamp";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "array";
        }
        if (type == String.class) {
            return "string";
        }
        return "object";
    }
}
