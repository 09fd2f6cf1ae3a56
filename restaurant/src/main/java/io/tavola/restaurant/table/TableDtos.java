package io.tavola.restaurant.table;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tavola.restaurant.web.Names;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

public final class TableDtos {

    private TableDtos() {}

    static final String STATUSES = "available|occupied|reserved|cleaning";
    static final String STATUS_MESSAGE = "must be one of available, occupied, reserved, cleaning";

    /** Create and full update share one shape; the QR token is never set by a client. */
    public record TableRequest(
            @NotBlank @Size(max = 20) @Pattern(regexp = "[\\p{L}\\p{N} ._/-]*", message = "must contain only letters, digits, spaces and . _ / -")
            @Pattern(regexp = Names.READABLE, message = Names.MESSAGE) String tableNumber,
            @Size(max = 100) @Pattern(regexp = Names.READABLE_OR_BLANK, message = Names.MESSAGE) String label,
            @NotNull @Min(1) @Max(100) Integer capacity,
            @Pattern(regexp = STATUSES, message = STATUS_MESSAGE) String status,
            @Size(max = 60) String zone,
            @JsonProperty("is_active") Boolean isActive) {}

    public record StatusRequest(@NotNull @Pattern(regexp = STATUSES, message = STATUS_MESSAGE) String status) {}

    public record TableView(
            UUID id,
            UUID restaurantId,
            String tableNumber,
            String label,
            int capacity,
            String status,
            String zone,
            @JsonProperty("is_active") boolean isActive,
            String qrToken,
            String qrUrl,
            Instant createdAt,
            Instant updatedAt) {

        static TableView of(DiningTable t, String qrUrl) {
            return new TableView(t.id, t.restaurantId, t.tableNumber, t.label, t.capacity, t.status, t.zone, t.active,
                    t.qrToken, qrUrl, t.createdAt, t.updatedAt);
        }
    }

    /** The public answer to "which table is this QR code?" (docs/contracts.md). */
    /** {@code generation}: the table's, which auth puts into the guest token. */
    public record QrLookup(UUID restaurantId, UUID tableId, String tableNumber, String label, String restaurantName,
            String currency, long generation) {}
}
