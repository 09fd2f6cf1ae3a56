package io.tavola.orders.session;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

public record ServiceRequestBody(
        @NotNull @Pattern(regexp = "waiter|bill", message = "must be waiter or bill") String kind) {}
