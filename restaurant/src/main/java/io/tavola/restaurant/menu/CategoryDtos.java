package io.tavola.restaurant.menu;

import io.tavola.restaurant.web.Names;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

public final class CategoryDtos {

    private CategoryDtos() {}

    /** Create and full update share one shape. */
    public record CategoryRequest(
            @NotBlank @Size(max = 120) @Pattern(regexp = Names.READABLE, message = Names.MESSAGE) String name,
            @Size(max = 1000) String description,
            @Min(0) @Max(10000) Integer displayOrder) {}

    public record CategoryView(UUID id, UUID restaurantId, String name, String description, int displayOrder,
            Instant createdAt, Instant updatedAt) {

        public static CategoryView of(Category c) {
            return new CategoryView(c.id, c.restaurantId, c.name, c.description, c.displayOrder, c.createdAt,
                    c.updatedAt);
        }
    }
}
