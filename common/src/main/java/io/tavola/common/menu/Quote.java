package io.tavola.common.menu;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The price look-up made at the moment of ordering (docs/contracts.md): what the orders service asks and
 * what it is told, whether the restaurant service answers it or the orders service's own copy of the
 * price book does ({@link PriceBook#quote}). Fields added later are ignored by older readers.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Quote(Restaurant restaurant, List<Line> lines) {

    /** What we ask: one line per ordered item, in order. */
    public record Request(@NotNull @Size(min = 1, max = 100) List<@NotNull @Valid RequestLine> lines) {}

    public record RequestLine(@NotNull UUID menuItemId, @Size(max = 50) List<@NotNull UUID> modifierOptionIds) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Restaurant(UUID id, String name, String currency, String timeZone,
            @JsonProperty("is_active") boolean isActive, boolean orderConfirmationRequired,
            int serviceRequestCooldownSeconds) {}

    /** {@code error} is null when the line is orderable as asked (an 86'd item says so in is_available). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Line(UUID menuItemId, String name, BigDecimal unitPrice,
            @JsonProperty("is_available") boolean isAvailable, Integer preparationMinutes, List<Modifier> modifiers,
            String error) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Modifier(UUID groupId, String groupName, UUID optionId, String optionName, BigDecimal priceDelta) {}
}
