package io.tavola.orders.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * What a diner or waiter orders. Prices are deliberately absent: the restaurant service's quote sets
 * every price, and a field beside these (a {@code unit_price}, say) is refused with 400 (common's strict JSON).
 *
 * @param type {@code dine_in} (default for guests and staff) or {@code takeaway} (customers)
 * @param restaurantId needed by customers (and master admins); everyone else orders in their token's restaurant
 * @param tableId the table a waiter orders for; guests order at the table of their token
 */
public record PlaceOrderRequest(
        @Pattern(regexp = "dine_in|takeaway", message = "must be dine_in or takeaway") String type,
        UUID restaurantId,
        UUID tableId,
        @Size(max = 100) String tableLabel,
        @Size(max = 500) String note,
        @NotEmpty @Size(max = 50) List<@NotNull @Valid Line> items) {

    public record Line(
            @NotNull UUID menuItemId,
            @NotNull @Min(1) @Max(99) Integer quantity,
            @Size(max = 20) List<@NotNull UUID> modifierOptionIds,
            @Size(max = 500) String note) {}
}
