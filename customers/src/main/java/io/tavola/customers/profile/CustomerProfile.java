package io.tavola.customers.profile;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "customer_profiles")
public class CustomerProfile extends PanacheEntityBase {

    @Id
    @Column(name = "customer_id")
    public UUID customerId;

    @Column(name = "display_name")
    public String displayName;

    public String phone;

    /** Comma-separated, from {@link Preferences#DIETARY_TAGS}. */
    @Column(name = "dietary_tags")
    public String dietaryTags = "";

    /** Comma-separated, from {@link Preferences#ALLERGENS}. */
    public String allergens = "";

    @Column(name = "preferred_language")
    public String preferredLanguage;

    @Column(name = "marketing_consent")
    public boolean marketingConsent;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
