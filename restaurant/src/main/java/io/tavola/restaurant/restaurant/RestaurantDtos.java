package io.tavola.restaurant.restaurant;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tavola.restaurant.image.ImageUrls;
import io.tavola.restaurant.web.Names;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/** Request and response bodies of the restaurant endpoints. */
public final class RestaurantDtos {

    private RestaurantDtos() {}

    public static final String PLANS = "basic|standard|premium";
    public static final String STATUSES = "trial|active|past_due|cancelled";

    /** Master admin creates a restaurant; omitted settings take safe defaults. */
    public record CreateRestaurant(
            @NotBlank @Size(max = 200) @Pattern(regexp = Names.READABLE, message = Names.MESSAGE) String name,
            @Size(max = 500) String address,
            @Size(max = 40) @Pattern(regexp = "[0-9+() .\\-]*", message = "must contain only digits, spaces and + ( ) . -") String phone,
            @Email @Size(max = 254) String email,
            @Size(max = 2000) String description,
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
            @NotBlank @Size(max = 64) String timeZone,
            @Pattern(regexp = PLANS, message = "must be one of basic, standard, premium") String subscriptionPlan,
            @Pattern(regexp = STATUSES, message = "must be one of trial, active, past_due, cancelled") String subscriptionStatus,
            Boolean orderConfirmationRequired,
            @Min(0) @Max(3600) Integer serviceRequestCooldownSeconds,
            @Min(1) @Max(240) Integer kitchenWarningMinutes,
            @Min(2) @Max(480) Integer kitchenLateMinutes) {}

    /**
     * Partial update: absent (or null) fields stay as they are; an empty string clears an optional text.
     * {@code is_active} and the subscription are the master admin's to change.
     */
    public record UpdateRestaurant(
            @Size(min = 1, max = 200) @Pattern(regexp = Names.READABLE, message = Names.MESSAGE) String name,
            @Size(max = 500) String address,
            @Size(max = 40) @Pattern(regexp = "[0-9+() .\\-]*", message = "must contain only digits, spaces and + ( ) . -") String phone,
            @Email @Size(max = 254) String email,
            @Size(max = 2000) String description,
            @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
            @Size(min = 1, max = 64) String timeZone,
            @JsonProperty("is_active") Boolean isActive,
            @Pattern(regexp = PLANS, message = "must be one of basic, standard, premium") String subscriptionPlan,
            @Pattern(regexp = STATUSES, message = "must be one of trial, active, past_due, cancelled") String subscriptionStatus,
            Boolean orderConfirmationRequired,
            @Min(0) @Max(3600) Integer serviceRequestCooldownSeconds,
            @Min(1) @Max(240) Integer kitchenWarningMinutes,
            @Min(2) @Max(480) Integer kitchenLateMinutes) {}

    public record RestaurantView(
            UUID id,
            String name,
            String address,
            String phone,
            String email,
            String description,
            String logoUrl,
            String currency,
            String timeZone,
            @JsonProperty("is_active") boolean isActive,
            String subscriptionPlan,
            String subscriptionStatus,
            boolean orderConfirmationRequired,
            int serviceRequestCooldownSeconds,
            int kitchenWarningMinutes,
            int kitchenLateMinutes,
            Instant createdAt,
            Instant updatedAt) {

        public static RestaurantView of(Restaurant r) {
            return new RestaurantView(r.id, r.name, r.address, r.phone, r.email, r.description,
                    ImageUrls.of(r.id, r.logoImageId), r.currency, r.timeZone, r.active,
                    r.subscriptionPlan, r.subscriptionStatus, r.orderConfirmationRequired,
                    r.serviceRequestCooldownSeconds, r.kitchenWarningMinutes, r.kitchenLateMinutes, r.createdAt,
                    r.updatedAt);
        }
    }
}
