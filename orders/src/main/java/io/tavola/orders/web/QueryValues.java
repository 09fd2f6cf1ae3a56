package io.tavola.orders.web;

import io.tavola.common.error.ApiException;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * Query parameters read as text and parsed here, so a malformed one is a 400 naming it (JAX-RS would
 * answer a failed conversion of a query parameter with 404).
 */
public final class QueryValues {

    private QueryValues() {}

    public static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField(field, "must be a valid UUID");
        }
    }

    public static Integer integer(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalidField(field, "must be a whole number");
        }
    }

    public static BigDecimal decimal(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.invalidField(field, "must be a number");
        }
    }
}
