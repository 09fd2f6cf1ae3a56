package io.tavola.common.error;

import java.util.List;
import java.util.Map;

/**
 * The one way a service says "the caller got something wrong": it becomes a problem+json answer with
 * the given status and a stable type slug. Never used for failures of our own (those are 500s).
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> fieldErrors;
    private final Map<String, String> headers;

    public ApiException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, null, Map.of());
    }

    public ApiException(int status, String slug, String title, String detail,
            List<Problem.FieldError> fieldErrors, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.fieldErrors = fieldErrors;
        this.headers = headers;
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "not-found", "Not found", what + " not found");
    }

    public static ApiException badRequest(String slug, String detail) {
        return new ApiException(400, slug, "Bad request", detail);
    }

    public static ApiException invalidField(String field, String message) {
        return new ApiException(400, "validation-failed", "Validation failed", field + ": " + message,
                List.of(new Problem.FieldError(field, message)), Map.of());
    }

    public static ApiException conflict(String slug, String detail) {
        return new ApiException(409, slug, "Conflict", detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "forbidden", "Forbidden", detail);
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "unauthorized", "Unauthorized", detail);
    }

    public static ApiException tooManyRequests(String detail, long retryAfterSeconds) {
        return new ApiException(429, "too-many-requests", "Too many requests", detail, null,
                Map.of("Retry-After", Long.toString(Math.max(1, retryAfterSeconds))));
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> fieldErrors() {
        return fieldErrors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
