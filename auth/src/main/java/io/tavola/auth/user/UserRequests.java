package io.tavola.auth.user;

import io.tavola.common.security.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Request bodies of the user endpoints. Passwords are capped at 72 characters, bcrypt's input limit. */
public final class UserRequests {

    public static final String USERNAME_PATTERN = "[A-Za-z0-9._-]+";

    private UserRequests() {}

    public record CreateUser(
            @NotBlank @Size(min = 3, max = 50) @Pattern(regexp = USERNAME_PATTERN, message = "may hold letters, digits, '.', '_' and '-' only") String username,
            @NotBlank @Email @Size(max = 255) String email,
            @NotNull @Size(min = 10, max = 72) String password,
            @NotNull Role role,
            UUID restaurantId) {}

    public record UpdateUser(
            @Email @Size(max = 255) String email,
            @Size(min = 10, max = 72) String password,
            Role role,
            Boolean isActive,
            Boolean isVerified) {}

    public record Register(
            @NotBlank @Size(min = 3, max = 50) @Pattern(regexp = USERNAME_PATTERN, message = "may hold letters, digits, '.', '_' and '-' only") String username,
            @NotBlank @Email @Size(max = 255) String email,
            @NotNull @Size(min = 10, max = 72) String password) {}
}
