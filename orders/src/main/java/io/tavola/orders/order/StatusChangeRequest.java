package io.tavola.orders.order;

import jakarta.validation.constraints.NotNull;

public record StatusChangeRequest(@NotNull OrderStatus status) {}
