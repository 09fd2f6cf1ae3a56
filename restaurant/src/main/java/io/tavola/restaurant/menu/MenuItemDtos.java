package io.tavola.restaurant.menu;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tavola.restaurant.image.ImageUrls;
import io.tavola.restaurant.web.Names;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public final class MenuItemDtos {

    private MenuItemDtos() {}

    static final String MONEY = "must have at most 2 decimals and 8 integer digits";

    /**
     * Create and full update share one shape. On update, a modifier group or option that carries the
     * {@code id} of an existing one of this item is kept (orders refer to its id); any other is new, and
     * existing ones not sent are removed.
     */
    public record MenuItemRequest(
            @NotNull UUID categoryId,
            @NotBlank @Size(max = 200) @Pattern(regexp = Names.READABLE, message = Names.MESSAGE) String name,
            @Size(max = 2000) String description,
            @NotNull @DecimalMin(value = "0.00", message = "must not be negative")
            @Digits(integer = 8, fraction = 2, message = MONEY) BigDecimal price,
            @JsonProperty("is_available") Boolean isAvailable,
            @Min(0) @Max(600) Integer preparationMinutes,
            @Size(max = 20) List<String> dietaryTags,
            @Size(max = 14) List<String> allergens,
            @Min(0) @Max(10000) Integer displayOrder,
            @Size(max = 20) List<@NotNull @Valid ModifierGroupRequest> modifierGroups) {}

    public record ModifierGroupRequest(
            UUID id,
            @NotBlank @Size(max = 120) String name,
            @NotNull @Min(0) @Max(50) Integer minSelect,
            @NotNull @Min(1) @Max(50) Integer maxSelect,
            @Min(0) @Max(10000) Integer displayOrder,
            @NotEmpty @Size(max = 50) List<@NotNull @Valid ModifierOptionRequest> options) {}

    /** Price deltas are never negative: a cheaper variant is the item's base price plus 0. */
    public record ModifierOptionRequest(
            UUID id,
            @NotBlank @Size(max = 120) String name,
            @NotNull @DecimalMin(value = "0.00", message = "must not be negative")
            @Digits(integer = 8, fraction = 2, message = MONEY) BigDecimal priceDelta,
            @Min(0) @Max(10000) Integer displayOrder) {}

    public record AvailabilityRequest(@NotNull @JsonProperty("is_available") Boolean isAvailable) {}

    public record MenuItemView(
            UUID id,
            UUID restaurantId,
            UUID categoryId,
            String name,
            String description,
            BigDecimal price,
            String imageUrl,
            @JsonProperty("is_available") boolean isAvailable,
            Integer preparationMinutes,
            List<String> dietaryTags,
            List<String> allergens,
            int displayOrder,
            List<ModifierGroupView> modifierGroups,
            Instant createdAt,
            Instant updatedAt) {

        public static MenuItemView of(MenuItem i, List<ModifierGroupView> groups) {
            return new MenuItemView(i.id, i.restaurantId, i.categoryId, i.name, i.description, i.price,
                    ImageUrls.of(i.restaurantId, i.imageId), i.available, i.preparationMinutes,
                    MenuVocabulary.split(i.dietaryTags), MenuVocabulary.split(i.allergens), i.displayOrder, groups,
                    i.createdAt, i.updatedAt);
        }
    }

    public record ModifierGroupView(UUID id, String name, int minSelect, int maxSelect, int displayOrder,
            List<ModifierOptionView> options) {}

    public record ModifierOptionView(UUID id, String name, BigDecimal priceDelta, int displayOrder) {}
}
