package io.tavola.customers.profile;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tavola.customers.profile.ProfileDtos.UpdateProfile;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Customers' own profiles, created on first use; their display names for the staff's lists. */
@ApplicationScoped
public class Profiles {

    public Uni<CustomerProfile> mine(UUID customerId) {
        return Panache.withTransaction(() -> findOrCreate(customerId));
    }

    /** Changes the fields the request names; the others stay. An unknown tag or allergen is a 400. */
    public Uni<CustomerProfile> update(UUID customerId, UpdateProfile request) {
        String tags = Preferences.join("dietary_tags", request.dietaryTags(), Preferences.DIETARY_TAGS);
        String allergens = Preferences.join("allergens", request.allergens(), Preferences.ALLERGENS);
        return Panache.withTransaction(() -> findOrCreate(customerId).map(profile -> {
            if (request.displayName() != null) {
                profile.displayName = request.displayName().trim();
            }
            if (request.phone() != null) {
                profile.phone = request.phone().trim();
            }
            if (tags != null) {
                profile.dietaryTags = tags;
            }
            if (allergens != null) {
                profile.allergens = allergens;
            }
            if (request.preferredLanguage() != null) {
                profile.preferredLanguage = request.preferredLanguage();
            }
            if (request.marketingConsent() != null) {
                profile.marketingConsent = request.marketingConsent();
            }
            profile.updatedAt = Instant.now();
            return profile;
        }));
    }

    /** The display names of those customers that gave one; runs in the caller's session. */
    public Uni<Map<UUID, String>> displayNames(List<UUID> customerIds) {
        if (customerIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return CustomerProfile.<CustomerProfile>list("customerId in ?1", customerIds).map(profiles -> profiles.stream()
                .filter(p -> p.displayName != null)
                .collect(Collectors.toMap(p -> p.customerId, p -> p.displayName, (a, b) -> a)));
    }

    /** Insert-if-absent in the database, so two first calls at once cannot both create it. */
    private static Uni<CustomerProfile> findOrCreate(UUID customerId) {
        return CustomerProfile.getSession().chain(session -> session.createNativeQuery(
                "insert into customers.customer_profiles (customer_id, created_at, updated_at) values (:id, now(), now())"
                        + " on conflict (customer_id) do nothing")
                .setParameter("id", customerId).executeUpdate())
                .chain(() -> CustomerProfile.<CustomerProfile>findById(customerId));
    }
}
