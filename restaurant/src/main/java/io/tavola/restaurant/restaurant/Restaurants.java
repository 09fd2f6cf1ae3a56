package io.tavola.restaurant.restaurant;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.tavola.common.error.ApiException;
import io.tavola.common.web.PageRequest;
import io.tavola.common.web.PageResult;
import io.tavola.restaurant.image.ImageStore;
import io.tavola.restaurant.table.DiningTables;
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
import java.util.UUID;

@ApplicationScoped
public class Restaurants {

    @Inject
    ImageStore images;

    @WithTransaction
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
        r.createdAt = Instant.now();
        r.updatedAt = r.createdAt;
        return r.persist();
    }

    @WithSession
    public Uni<PageResult<RestaurantView>> listAll(PageRequest page) {
        // newest first: the master console looks for the restaurant it just onboarded
        var query = Restaurant.<Restaurant>findAll(Sort.descending("createdAt", "id"));
        return query.page(page.page, page.size).list().chain(items -> query.count()
                .map(total -> new PageResult<>(items.stream().map(RestaurantView::of).toList(), page.page, page.size,
                        total)));
    }

    /** Staff see a list of one: their own restaurant. */
    @WithSession
    public Uni<PageResult<RestaurantView>> listOwn(UUID restaurantId, PageRequest page) {
        return Restaurant.<Restaurant>findById(restaurantId).map(r -> {
            List<RestaurantView> all = r == null ? List.of() : List.of(RestaurantView.of(r));
            return new PageResult<>(page.page == 0 ? all : List.of(), page.page, page.size, all.size());
        });
    }

    @WithSession
    public Uni<Restaurant> get(UUID restaurantId) {
        return require(restaurantId);
    }

    @WithTransaction
    public Uni<Restaurant> update(UUID restaurantId, UpdateRestaurant request, boolean master) {
        if (!master && (request.isActive() != null || request.subscriptionPlan() != null
                || request.subscriptionStatus() != null)) {
            throw ApiException.forbidden("Only a master admin changes is_active and the subscription");
        }
        return require(restaurantId).call(r -> r.active && Boolean.FALSE.equals(request.isActive())
                // out of service: its guests' tokens end (a new generation for every table)
                ? DiningTables.nextGenerationOfAll(restaurantId)
                : Uni.createFrom().voidItem()).map(r -> {
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
            r.updatedAt = Instant.now();
            return r;
        });
    }

    /** Replaces the logo; the bytes were checked before the transaction, the old image goes with it. */
    @WithTransaction
    public Uni<Restaurant> setLogo(UUID restaurantId, byte[] bytes) {
        return require(restaurantId).chain(r -> images.store(restaurantId, bytes).chain(image -> {
            UUID old = r.logoImageId;
            r.logoImageId = image.id;
            r.updatedAt = Instant.now();
            return images.delete(old).replaceWith(r);
        }));
    }

    @WithTransaction
    public Uni<Restaurant> deleteLogo(UUID restaurantId) {
        return require(restaurantId).chain(r -> {
            UUID old = r.logoImageId;
            r.logoImageId = null;
            r.updatedAt = Instant.now();
            return images.delete(old).replaceWith(r);
        });
    }

    /** The restaurant or 404; callers have already passed the tenant check. */
    public static Uni<Restaurant> require(UUID restaurantId) {
        return Restaurant.<Restaurant>findById(restaurantId).onItem().ifNull()
                .failWith(() -> ApiException.notFound("Restaurant"));
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
