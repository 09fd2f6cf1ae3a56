package io.tavola.orders.session;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** {@code completed} when the bill is settled, {@code cancelled} when the table leaves without one. */
public record CloseSessionRequest(
        @NotNull @Pattern(regexp = "completed|cancelled", message = "must be completed or cancelled") String status) {}
