package io.tavola.customers.loyalty;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The loyalty API's requests and views. */
public final class LoyaltyDtos {

    private LoyaltyDtos() {}

    public record LedgerLine(UUID restaurantId, UUID orderId, int points, String reason, Instant createdAt) {}

    public record LoyaltyView(long balance, Map<UUID, Long> balanceByRestaurant, List<LedgerLine> ledger) {}

    public record RateView(UUID restaurantId, BigDecimal pointsPerUnit) {}

    public record SetRate(@NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal pointsPerUnit) {}
}
