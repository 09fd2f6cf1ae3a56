package io.tavola.orders.restaurant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The restaurant service's answer to a quote (docs/contracts.md): prices, availability, rule errors. Fields
 * it adds later are ignored (common's strict JSON refuses unknown fields in requests, not in answers).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Quote(Restaurant restaurant, List<Line> lines) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Restaurant(UUID id, String name, String currency, String timeZone, boolean isActive,
            boolean orderConfirmationRequired, int serviceRequestCooldownSeconds) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Line(UUID menuItemId, String name, BigDecimal unitPrice, boolean isAvailable,
            Integer preparationMinutes, List<Modifier> modifiers, String error) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Modifier(UUID groupId, String groupName, UUID optionId, String optionName, BigDecimal priceDelta) {}

    /** What we ask: one line per ordered item, in order. */
    public record Request(List<RequestLine> lines) {}

    public record RequestLine(UUID menuItemId, List<UUID> modifierOptionIds) {}
}
