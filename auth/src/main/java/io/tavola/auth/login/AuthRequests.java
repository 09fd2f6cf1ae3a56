package io.tavola.auth.login;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public final class AuthRequests {

    private AuthRequests() {}

    /** {@code username} may also be the account's email. */
    public record Login(@NotBlank @Size(max = 255) String username, @NotBlank @Size(max = 72) String password) {}

    public record Refresh(@NotBlank @Size(max = 200) String refreshToken) {}

    public record Logout(@Size(max = 200) String refreshToken) {}

    public record Guest(@NotBlank @Size(max = 200) String qrToken) {}

    public record TokenPair(String accessToken, String refreshToken, String tokenType, long expiresIn) {
        public static TokenPair bearer(String access, String refresh, long expiresIn) {
            return new TokenPair(access, refresh, "bearer", expiresIn);
        }
    }

    public record GuestToken(String accessToken, String tokenType, long expiresIn, java.util.UUID restaurantId,
            java.util.UUID tableId, String tableLabel, String restaurantName) {}
}
