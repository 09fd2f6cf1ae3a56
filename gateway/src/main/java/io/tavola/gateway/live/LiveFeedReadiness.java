package io.tavola.gateway.live;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Always UP (the gateway serves the API and keeps its sockets without the broker), but shows whether the
 * live feed is connected; while it is not, screens are told so and resync once it is back.
 */
@Readiness
@ApplicationScoped
public class LiveFeedReadiness implements HealthCheck {

    private final LiveFeed feed;

    LiveFeedReadiness(LiveFeed feed) {
        this.feed = feed;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("gateway-live-feed").up()
                .withData("broker", feed.connected() ? "connected" : "disconnected: screens resync when it is back")
                .build();
    }
}
