package io.tavola.gateway.ratelimit;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Always UP (the gateway serves without Redis), but tells operators whether limits are enforced:
 * {@code rate_limiting} is {@code redis} normally and {@code fail-open} while Redis is unreachable.
 */
@Readiness
@ApplicationScoped
public class RateLimitReadiness implements AsyncHealthCheck {

    private final RateLimiter limiter;

    RateLimitReadiness(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return limiter.probe().map(reachable -> HealthCheckResponse.named("gateway-rate-limiting").up()
                .withData("rate_limiting", reachable ? "redis" : "fail-open")
                .build());
    }
}
