package io.tavola.auth.user;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.tavola.common.security.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "users")
public class User extends PanacheEntityBase {

    @Id
    public UUID id;

    public String username;

    public String email;

    @Column(name = "password_hash")
    public String passwordHash;

    @Convert(converter = RoleConverter.class)
    public Role role;

    @Column(name = "restaurant_id")
    public UUID restaurantId;

    @Column(name = "is_active")
    public boolean active;

    @Column(name = "is_verified")
    public boolean verified;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "last_login_at")
    public Instant lastLoginAt;
}
