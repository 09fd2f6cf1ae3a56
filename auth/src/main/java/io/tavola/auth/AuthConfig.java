package io.tavola.auth;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The auth service's settings ({@code tavola.auth.*} in application.properties; README, Configuration). */
@ConfigMapping(prefix = "tavola.auth")
public interface AuthConfig {

    /** The {@code iss} of every token. */
    String issuer();

    Duration accessTokenTtl();

    Duration refreshTokenTtl();

    Duration guestTokenTtl();

    int bcryptCost();

    /** Where a local signing key is generated on first start when no key file is mounted. */
    String keysDir();

    /** A mounted signing key (PEM); blank or absent means the generated local one. */
    Optional<String> signingKeyFile();

    /** Public keys (PEM files) still published in the JWKS after a rotation. */
    Optional<List<String>> previousPublicKeys();

    Throttle throttle();

    /** Failed logins (LoginThrottle). */
    interface Throttle {

        Duration window();

        int maxFailuresPerUserAndAddress();

        int maxFailuresPerAddress();

        int slowdownAfter();

        Duration slowdownStep();

        Duration maxSlowdown();
    }
}
