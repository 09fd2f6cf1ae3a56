package io.tavola.customers.feedback;

import io.quarkus.hibernate.reactive.panache.Panache;
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
import io.tavola.customers.feedback.FeedbackDtos.FeedbackPage;
import io.tavola.customers.feedback.FeedbackDtos.FeedbackView;
import io.tavola.customers.feedback.FeedbackDtos.NewFeedback;
import io.tavola.customers.history.OrderHistory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Diners' ratings of their orders, and the restaurant's view of them; a low rating is announced. */
@ApplicationScoped
public class FeedbackInbox {

    /** How long after ordering a guest of that table may rate it: the lifetime of a guest token. */
    private static final Duration GUEST_WINDOW = Duration.ofHours(4);

    @Inject
    Caller caller;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    /** The caller rates one of its own served or completed orders, once (in the scope the caller set). */
    public Uni<Feedback> rate(NewFeedback request) {
        return Panache.withTransaction(() -> OrderHistory.<OrderHistory>findById(request.orderId()).chain(order -> {
            if (order == null || !isOwnOrder(order)) {
                throw ApiException.notFound("Order");
            }
            if (!order.rateable()) {
                throw ApiException.conflict("order-not-served", "Only served or completed orders can be rated");
            }
            return Feedback.count("orderId", order.orderId).chain(existing -> {
                if (existing > 0) {
                    throw alreadyRated();
                }
                return record(order, request);
            });
        })).onFailure(DatabaseFailures::isUniqueViolation).transform(e -> alreadyRated())
                .invoke(saved -> {
                    if (saved.rating <= 2) {
                        relay.wake();
                    }
                });
    }

    /** The restaurant's feedback (the scope's), newest first, with the average and the 1-5 distribution. */
    public Uni<FeedbackPage> list(PageRequest page) {
        String stats = "select f.rating, count(f) from Feedback f group by f.rating";
        return Panache.withSession(() -> Feedback.<Feedback>findAll(Sort.descending("createdAt"))
                .page(Page.of(page.page, page.size)).list()
                .chain(items -> Feedback.getSession().chain(session -> session
                        .createSelectionQuery(stats, Object[].class).getResultList())
                        .map(rows -> page(items, rows, page))));
    }

    private static FeedbackPage page(List<Feedback> items, List<Object[]> ratingCounts, PageRequest page) {
        Map<Integer, Long> distribution = new TreeMap<>();
        for (int r = 1; r <= 5; r++) {
            distribution.put(r, 0L);
        }
        long total = 0;
        long sum = 0;
        for (Object[] row : ratingCounts) {
            int rating = ((Number) row[0]).intValue();
            long count = (Long) row[1];
            distribution.put(rating, count);
            total += count;
            sum += rating * count;
        }
        Double average = total == 0 ? null : Math.round(sum * 100.0 / total) / 100.0;
        return new FeedbackPage(items.stream().map(FeedbackView::of).toList(), page.page, page.size, total, average,
                distribution);
    }

    private Uni<Feedback> record(OrderHistory order, NewFeedback request) {
        Feedback feedback = new Feedback();
        feedback.id = UUID.randomUUID();
        feedback.restaurantId = order.restaurantId;
        feedback.orderId = order.orderId;
        feedback.rating = request.rating().shortValue();
        feedback.comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().trim();
        feedback.createdAt = Instant.now();
        if (caller.role() == Role.GUEST) {
            feedback.guestSubject = caller.userId();
        } else {
            feedback.customerId = caller.userId();
        }
        return feedback.<Feedback>persistAndFlush()
                .call(saved -> saved.rating <= 2 ? announceLowRating(saved) : Uni.createFrom().voidItem());
    }

    /** A customer's own order, or (in a guest's restaurant: its scope) one of its table from the last hours. */
    private boolean isOwnOrder(OrderHistory order) {
        return caller.sees(order.tableId, order.customerId)
                && (caller.role() != Role.GUEST || order.orderedAt.isAfter(Instant.now().minus(GUEST_WINDOW)));
    }

    /** In the feedback's transaction: the kitchen and admin screens hear of it even after a broker outage. */
    private Uni<Void> announceLowRating(Feedback feedback) {
        return outbox.add(EventType.FEEDBACK_LOW_RATING, feedback.restaurantId,
                new FeedbackDtos.LowRating(feedback.id, feedback.orderId, feedback.rating, feedback.comment));
    }

    private static ApiException alreadyRated() {
        return ApiException.conflict("already-rated", "This order has already been rated");
    }
}
