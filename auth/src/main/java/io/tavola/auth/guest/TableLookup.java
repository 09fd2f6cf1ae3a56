package io.tavola.auth.guest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/**
 * The restaurant service's answer to "which table is this QR token?" (docs/contracts.md); {@code generation}
 * is the table's, carried into the guest token so a new code or a deactivation ends it. Fields it adds
 * later are ignored (common's strict JSON refuses unknown fields in requests, not in answers).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TableLookup(UUID restaurantId, UUID tableId, String tableNumber, String label, String restaurantName,
        String currency, Long generation) {}
