package io.tavola.customers.feedback;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The feedback API's request and views, and the data of the low-rating event. */
public final class FeedbackDtos {

    private FeedbackDtos() {}

    public record NewFeedback(@NotNull UUID orderId, @NotNull @Min(1) @Max(5) Integer rating,
            @Size(max = 2000) String comment) {}

    public record FeedbackView(UUID id, UUID restaurantId, UUID orderId, int rating, String comment,
            String author, Instant createdAt) {

        static FeedbackView of(Feedback f) {
            return new FeedbackView(f.id, f.restaurantId, f.orderId, f.rating, f.comment,
                    f.customerId != null ? "customer" : "guest", f.createdAt);
        }
    }

    /** The data of {@code feedback.low_rating} (docs/contracts.md; common's EventType names it by this name). */
    public record LowRating(UUID feedbackId, UUID orderId, int rating, String comment) {}

    public record FeedbackPage(List<FeedbackView> items, int page, int size, long total, Double averageRating,
            Map<Integer, Long> distribution) {}
}
