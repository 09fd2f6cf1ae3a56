package io.tavola.customers.profile;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The profile API's request and view. */
public final class ProfileDtos {

    private ProfileDtos() {}

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
}
