package io.tavola.customers.profile;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.tavola.common.security.Caller;
import io.tavola.common.security.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A customer's own profile, created on the first call. */
@Path("/api/v1/customers")
@RolesAllowed(Role.CUSTOMER_ROLE)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ProfileResource {

    @Inject
    Caller caller;

    public record ProfileView(UUID customerId, String displayName, String phone, List<String> dietaryTags,
            List<String> allergens, String preferredLanguage, boolean marketingConsent, Instant createdAt,
            Instant updatedAt) {

        static ProfileView of(CustomerProfile p) {
            return new ProfileView(p.customerId, p.displayName, p.phone, Preferences.split(p.dietaryTags),
                    Preferences.split(p.allergens), p.preferredLanguage, p.marketingConsent, p.createdAt, p.updatedAt);
        }
    }

    public record UpdateProfile(
            @Size(max = 100) String displayName,
            @Size(max = 30) @Pattern(regexp = "[+0-9 ()-]*", message = "may hold digits, spaces, +, - and parentheses only") String phone,
            @Size(max = 20) List<String> dietaryTags,
            @Size(max = 14) List<String> allergens,
            @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?", message = "must be a language tag such as en or it-IT") String preferredLanguage,
            Boolean marketingConsent) {}

    @GET
    @Path("/me")
    @WithTransaction
    public Uni<ProfileView> me() {
        return findOrCreate(caller.userId()).map(ProfileView::of);
    }

    @PUT
    @Path("/me")
    @WithTransaction
    public Uni<ProfileView> update(@Valid @NotNull UpdateProfile body) {
        String tags = Preferences.join("dietary_tags", body.dietaryTags(), Preferences.DIETARY_TAGS);
        String allergens = Preferences.join("allergens", body.allergens(), Preferences.ALLERGENS);
        return findOrCreate(caller.userId()).map(profile -> {
            if (body.displayName() != null) {
                profile.displayName = body.displayName().trim();
            }
            if (body.phone() != null) {
                profile.phone = body.phone().trim();
            }
            if (tags != null) {
                profile.dietaryTags = tags;
            }
            if (allergens != null) {
                profile.allergens = allergens;
            }
            if (body.preferredLanguage() != null) {
                profile.preferredLanguage = body.preferredLanguage();
            }
            if (body.marketingConsent() != null) {
                profile.marketingConsent = body.marketingConsent();
            }
            profile.updatedAt = Instant.now();
            return ProfileView.of(profile);
        });
    }

    /** Insert-if-absent in the database, so two first calls at once cannot both create it. */
    static Uni<CustomerProfile> findOrCreate(UUID customerId) {
        return CustomerProfile.getSession().chain(session -> session.createNativeQuery(
                "insert into customers.customer_profiles (customer_id, created_at, updated_at) values (:id, now(), now())"
                        + " on conflict (customer_id) do nothing")
                .setParameter("id", customerId).executeUpdate())
                .chain(() -> CustomerProfile.<CustomerProfile>findById(customerId));
    }
}
