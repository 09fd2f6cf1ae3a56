package io.tavola.customers.feedback;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.tavola.common.error.ApiException;
import io.tavola.common.error.DatabaseFailures;
import io.tavola.common.event.EventType;
import io.tavola.common.outbox.Outbox;
import io.tavola.common.outbox.OutboxRelay;
import io.tavola.common.security.Caller;
import io.tavola.common.security.Role;
import io.tavola.common.web.PageRequest;
import io.tavola.customers.history.OrderHistory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

@Path("/api/v1/feedback")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class FeedbackResource {

    /** How long after ordering a guest of that table may rate it: the lifetime of a guest token. */
    private static final Duration GUEST_WINDOW = Duration.ofHours(4);

    @Inject
    Caller caller;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    public record NewFeedback(@NotNull UUID orderId, @NotNull @Min(1) @Max(5) Integer rating,
            @Size(max = 2000) String comment) {}

    public record FeedbackView(UUID id, UUID restaurantId, UUID orderId, int rating, String comment,
            String author, Instant createdAt) {

        static FeedbackView of(Feedback f) {
            return new FeedbackView(f.id, f.restaurantId, f.orderId, f.rating, f.comment,
                    f.customerId != null ? "customer" : "guest", f.createdAt);
        }
    }

    /** The data of {@code feedback.low_rating} (docs/contracts.md). */
    public record LowRating(UUID feedbackId, UUID orderId, int rating, String comment) {}

    public record FeedbackPage(List<FeedbackView> items, int page, int size, long total, Double averageRating,
            Map<Integer, Long> distribution) {}

    /** A diner rates one of its own served or completed orders, once. */
    @POST
    @RolesAllowed({ Role.CUSTOMER_ROLE, Role.GUEST_ROLE })
    public Uni<Response> rate(@Valid @NotNull NewFeedback body) {
        caller.customerScope();
        return Panache.withTransaction(() -> OrderHistory.<OrderHistory>findById(body.orderId()).chain(order -> {
            if (order == null || !isOwnOrder(order)) {
                throw ApiException.notFound("Order");
            }
            if (!order.rateable()) {
                throw ApiException.conflict("order-not-served", "Only served or completed orders can be rated");
            }
            return Feedback.count("orderId", order.orderId).chain(existing -> {
                if (existing > 0) {
                    throw ApiException.conflict("already-rated", "This order has already been rated");
                }
                Feedback feedback = new Feedback();
                feedback.id = UUID.randomUUID();
                feedback.restaurantId = order.restaurantId;
                feedback.orderId = order.orderId;
                feedback.rating = body.rating().shortValue();
                feedback.comment = body.comment() == null || body.comment().isBlank() ? null : body.comment().trim();
                feedback.createdAt = Instant.now();
                if (caller.role() == Role.GUEST) {
                    feedback.guestSubject = caller.userId();
                } else {
                    feedback.customerId = caller.userId();
                }
                return feedback.<Feedback>persistAndFlush()
                        .call(saved -> saved.rating <= 2 ? announceLowRating(saved) : Uni.createFrom().voidItem());
            });
        })).onFailure(DatabaseFailures::isUniqueViolation)
                .transform(e -> ApiException.conflict("already-rated", "This order has already been rated"))
                .invoke(saved -> {
                    if (saved.rating <= 2) {
                        relay.wake();
                    }
                })
                // no Location: a rating has no address of its own (it is read in the restaurant's list)
                .map(saved -> Response.status(Response.Status.CREATED).entity(FeedbackView.of(saved)).build());
    }

    /** Staff: their restaurant's feedback, newest first, with the average and the 1-5 distribution. */
    @GET
    @RolesAllowed({ Role.MASTER, Role.ADMIN, Role.WAITER_ROLE, Role.CHEF_ROLE })
    @WithSession
    public Uni<FeedbackPage> list(@QueryParam("restaurant_id") UUID restaurantId, @Valid @BeanParam PageRequest page) {
        caller.staffScope(restaurantId, Role.STAFF);
        var found = Feedback.<Feedback>findAll(Sort.descending("createdAt")).page(Page.of(page.page, page.size));
        String stats = "select f.rating, count(f) from Feedback f group by f.rating";
        return found.list().chain(items -> Feedback.getSession().chain(session -> session
                .createSelectionQuery(stats, Object[].class).getResultList())
                .map(rows -> {
                    Map<Integer, Long> distribution = new TreeMap<>();
                    for (int r = 1; r <= 5; r++) {
                        distribution.put(r, 0L);
                    }
                    long total = 0;
                    long sum = 0;
                    for (Object[] row : rows) {
                        int rating = ((Number) row[0]).intValue();
                        long count = (Long) row[1];
                        distribution.put(rating, count);
                        total += count;
                        sum += rating * count;
                    }
                    Double average = total == 0 ? null : Math.round(sum * 100.0 / total) / 100.0;
                    return new FeedbackPage(items.stream().map(FeedbackView::of).toList(), page.page, page.size, total,
                            average, distribution);
                }));
    }

    /** A customer's own order, or (in a guest's restaurant: its scope) one of its table from the last hours. */
    private boolean isOwnOrder(OrderHistory order) {
        return caller.sees(order.tableId, order.customerId)
                && (caller.role() != Role.GUEST || order.orderedAt.isAfter(Instant.now().minus(GUEST_WINDOW)));
    }

    /** In the feedback's transaction: the kitchen and admin screens hear of it even after a broker outage. */
    private Uni<Void> announceLowRating(Feedback feedback) {
        return outbox.add(EventType.FEEDBACK_LOW_RATING, feedback.restaurantId,
                new LowRating(feedback.id, feedback.orderId, feedback.rating, feedback.comment));
    }
}
