package io.tavola.auth.guest;

import java.util.UUID;

/** The restaurant service's answer to "which table is this QR token?" (docs/contracts.md). */
public record TableLookup(UUID restaurantId, UUID tableId, String tableNumber, String label, String restaurantName,
        String currency) {}
