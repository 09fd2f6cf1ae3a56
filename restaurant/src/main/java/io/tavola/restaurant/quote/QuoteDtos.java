package io.tavola.restaurant.quote;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** The price look-up the orders service makes at the moment of ordering (docs/contracts.md). */
public final class QuoteDtos {

    private QuoteDtos() {}

    public record QuoteRequest(@NotNull @Size(min = 1, max = 100) List<@NotNull @Valid QuoteLineRequest> lines) {}

    public record QuoteLineRequest(@NotNull UUID menuItemId, @Size(max = 50) List<@NotNull UUID> modifierOptionIds) {}

    public record Quote(QuoteRestaurant restaurant, List<QuoteLine> lines) {}

    public record QuoteRestaurant(UUID id, String name, String currency, String timeZone,
            @JsonProperty("is_active") boolean isActive, boolean orderConfirmationRequired,
            int serviceRequestCooldownSeconds) {}

    /** {@code error} is null when the line is orderable as asked (an 86'd item says so in is_available). */
    public record QuoteLine(UUID menuItemId, String name, BigDecimal unitPrice,
            @JsonProperty("is_available") boolean isAvailable, Integer preparationMinutes,
            List<QuoteModifier> modifiers, String error) {}

    public record QuoteModifier(UUID groupId, String groupName, UUID optionId, String optionName,
            BigDecimal priceDelta) {}
}
