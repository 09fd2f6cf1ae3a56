package io.tavola.restaurant.restaurant;

import io.quarkus.arc.All;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tavola.common.error.ApiException;
import io.tavola.common.web.PageRequest;
import io.tavola.common.web.PageResult;
import io.tavola.restaurant.image.ImageStore;
import io.tavola.restaurant.restaurant.RestaurantDtos.CreateRestaurant;
import io.tavola.restaurant.restaurant.RestaurantDtos.RestaurantView;
import io.tavola.restaurant.restaurant.RestaurantDtos.UpdateRestaurant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Restaurants, the tenants: onboarding, their settings and logo. What other features must do when a
 * restaurant changes they do as {@link RestaurantListener}s.
 */
@ApplicationScoped
public class Restaurants {

    @Inject
    ImageStore images;

    @Inject
    @All
    List<RestaurantListener> listeners;

    public Uni<Restaurant> create(CreateRestaurant request) {
        Restaurant r = new Restaurant();
        r.id = UUID.randomUUID();
        r.name = request.name().strip();
        r.address = blankToNull(request.address());
        r.phone = blankToNull(request.phone());
        r.email = blankToNull(request.email());
        r.description = blankToNull(request.description());
        r.currency = currency(request.currency());
        r.timeZone = timeZone(request.timeZone());
        r.active = true;
        r.subscriptionPlan = request.subscriptionPlan() == null ? "basic" : request.subscriptionPlan();
        r.subscriptionStatus = request.subscriptionStatus() == null ? "trial" : request.subscriptionStatus();
        // the walkout guard is on unless the restaurant opts out
        r.orderConfirmationRequired = request.orderConfirmationRequired() == null || request.orderConfirmationRequired();
        r.serviceRequestCooldownSeconds = request.serviceRequestCooldownSeconds() == null ? 120
                : request.serviceRequestCooldownSeconds();
        r.kitchenWarningMinutes = request.kitchenWarningMinutes() == null ? 5 : request.kitchenWarningMinutes();
        r.kitchenLateMinutes = request.kitchenLateMinutes() == null ? 8 : request.kitchenLateMinutes();
        checkTicketAges(r);
        r.createdAt = Instant.now();
        r.updatedAt = r.createdAt;
        return Panache.withTransaction(r::persist);
    }

    /** How the list may be ordered: the {@code sort} parameter's values and their HQL. */
    public static final Map<String, String> SORTS = Map.of(
            "-created_at", "createdAt desc, id desc",
            "created_at", "createdAt, id",
            "name", "lower(name), id",
            "-name", "lower(name) desc, id desc");

    /**
     * The restaurants the caller may see, whose name holds {@code q} (any case; null: all), in the order
     * named by {@code sort} (null: newest first, as the master console looks for the one it just onboarded).
     * The tenant filter bounds it: a master admin's scope is every restaurant, staff see a list of one.
     */
    public Uni<PageResult<RestaurantView>> list(String q, String sort, PageRequest page) {
        String order = SORTS.get(sort == null ? "-created_at" : sort);
        String needle = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        // the text is matched literally: % and _ typed into the search are not wildcards
        String like = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return Panache.withSession(() -> {
            var query = Restaurant.<Restaurant>find("lower(name) like ?1 escape '\\' order by " + order, like);
            return query.page(page.page, page.size).list().chain(items -> query.count()
                    .map(total -> new PageResult<>(items.stream().map(RestaurantView::of).toList(), page.page,
                            page.size, total)));
        });
    }

    public Uni<Restaurant> get(UUID restaurantId) {
        return Panache.withSession(() -> require(restaurantId));
    }

    /**
     * Taken out of service ({@code is_active: false}), the listeners act inside the transaction (a new
     * generation for every table, so its guests' tokens end) and after it (the deny-list).
     */
    public Uni<Restaurant> update(UUID restaurantId, UpdateRestaurant request, boolean master) {
        if (!master && (request.isActive() != null || request.subscriptionPlan() != null
                || request.subscriptionStatus() != null)) {
            throw ApiException.forbidden("Only a master admin changes is_active and the subscription");
        }
        boolean closed = Boolean.FALSE.equals(request.isActive());
        return Panache.withTransaction(() -> require(restaurantId)
                .call(r -> r.active && closed ? each(l -> l.closing(restaurantId)) : Uni.createFrom().voidItem())
                .invoke(r -> apply(r, request)))
                .call(() -> each(l -> l.changed(restaurantId, closed)));
    }

    /** Replaces the logo; the bytes were checked before the transaction, the old image goes with it. */
    public Uni<Restaurant> setLogo(UUID restaurantId, byte[] bytes) {
        return Panache.withTransaction(() -> require(restaurantId).chain(r -> images.store(restaurantId, bytes)
                .chain(image -> {
                    UUID old = r.logoImageId;
                    r.logoImageId = image.id;
                    r.updatedAt = Instant.now();
                    return images.delete(old).replaceWith(r);
                })))
                .call(() -> each(l -> l.changed(restaurantId, false)));
    }

    public Uni<Restaurant> deleteLogo(UUID restaurantId) {
        return Panache.withTransaction(() -> require(restaurantId).chain(r -> {
            UUID old = r.logoImageId;
            r.logoImageId = null;
            r.updatedAt = Instant.now();
            return images.delete(old).replaceWith(r);
        })).call(() -> each(l -> l.changed(restaurantId, false)));
    }

    /** The restaurant or 404; callers have already passed the tenant check. */
    public static Uni<Restaurant> require(UUID restaurantId) {
        return Restaurant.<Restaurant>findById(restaurantId).onItem().ifNull()
                .failWith(() -> ApiException.notFound("Restaurant"));
    }

    /** A partial update: absent (null) fields stay as they are. */
    private static void apply(Restaurant r, UpdateRestaurant request) {
        if (request.name() != null) {
            r.name = request.name().strip();
        }
        if (request.address() != null) {
            r.address = blankToNull(request.address());
        }
        if (request.phone() != null) {
            r.phone = blankToNull(request.phone());
        }
        if (request.email() != null) {
            r.email = blankToNull(request.email());
        }
        if (request.description() != null) {
            r.description = blankToNull(request.description());
        }
        if (request.currency() != null) {
            r.currency = currency(request.currency());
        }
        if (request.timeZone() != null) {
            r.timeZone = timeZone(request.timeZone());
        }
        if (request.isActive() != null) {
            r.active = request.isActive();
        }
        if (request.subscriptionPlan() != null) {
            r.subscriptionPlan = request.subscriptionPlan();
        }
        if (request.subscriptionStatus() != null) {
            r.subscriptionStatus = request.subscriptionStatus();
        }
        if (request.orderConfirmationRequired() != null) {
            r.orderConfirmationRequired = request.orderConfirmationRequired();
        }
        if (request.serviceRequestCooldownSeconds() != null) {
            r.serviceRequestCooldownSeconds = request.serviceRequestCooldownSeconds();
        }
        if (request.kitchenWarningMinutes() != null) {
            r.kitchenWarningMinutes = request.kitchenWarningMinutes();
        }
        if (request.kitchenLateMinutes() != null) {
            r.kitchenLateMinutes = request.kitchenLateMinutes();
        }
        checkTicketAges(r);
        r.updatedAt = Instant.now();
    }

    /** Amber comes before red, also when only one of them changes (the other is the stored one). */
    private static void checkTicketAges(Restaurant r) {
        if (r.kitchenWarningMinutes >= r.kitchenLateMinutes) {
            throw ApiException.invalidField("kitchen_late_minutes",
                    "must be more than kitchen_warning_minutes (" + r.kitchenWarningMinutes + ")");
        }
    }

    /** Every listener in turn, one after the other. */
    private Uni<Void> each(Function<RestaurantListener, Uni<Void>> step) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (RestaurantListener listener : listeners) {
            all = all.chain(() -> step.apply(listener));
        }
        return all;
    }

    private static String currency(String code) {
        try {
            return Currency.getInstance(code).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("currency", "must be an ISO 4217 code such as EUR");
        }
    }

    private static String timeZone(String zone) {
        try {
            return ZoneId.of(zone).getId();
        } catch (DateTimeException e) {
            throw ApiException.invalidField("time_zone", "must be an IANA time zone such as Europe/Rome");
        }
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
