package io.tavola.auth.guest;

import java.util.UUID;

/**
 * The restaurant service's answer to "which table is this QR token?" (docs/contracts.md); {@code generation}
 * is the table's, carried into the guest token so a new code or a deactivation ends it.
 */
public record TableLookup(UUID restaurantId, UUID tableId, String tableNumber, String label, String restaurantName,
        String currency, Long generation) {}
