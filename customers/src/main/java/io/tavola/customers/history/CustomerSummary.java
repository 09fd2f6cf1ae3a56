package io.tavola.customers.history;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A customer with an account as the staff of a restaurant see it. */
public record CustomerSummary(UUID customerId, String displayName, long orderCount, BigDecimal totalSpent,
        Instant lastOrderAt) {}
