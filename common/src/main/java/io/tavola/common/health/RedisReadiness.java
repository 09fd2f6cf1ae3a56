package io.tavola.common.health;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows Redis in readiness without failing it, for services that work without Redis (login throttling,
 * the menu cache, call-the-waiter cooldowns fail open): while it is away an orchestrator must keep
 * routing to them, and operators still see the service is degraded. Replaces Quarkus' own Redis check
 * ({@code quarkus.redis.health.enabled=false}), which answered DOWN (issue 12, drill 2).
 * A service opts in with {@code tavola.health.redis=true}.
 */
@Readiness
@ApplicationScoped
@IfBuildProperty(name = "tavola.health.redis", stringValue = "true")
public class RedisReadiness implements AsyncHealthCheck {

    private static final Duration TIMEOUT = Duration.ofMillis(500);

    @Inject
    Redis redis;

    @Override
    public Uni<HealthCheckResponse> call() {
        return redis.send(Request.cmd(Command.PING)).ifNoItem().after(TIMEOUT).fail()
                .map(reply -> "connected")
                .onFailure().recoverWithItem(failure -> "degraded: unreachable (" + failure.getClass().getSimpleName() + ")")
                .map(state -> HealthCheckResponse.named("redis").up().withData("redis", state).build());
    }
}
