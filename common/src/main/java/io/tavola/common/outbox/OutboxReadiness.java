package io.tavola.common.outbox;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows the relay's broker connection in readiness without failing it: the service keeps taking
 * changes while RabbitMQ is away (their events wait in the outbox), so an orchestrator must not pull it
 * out of rotation for that.
 */
@Readiness
@ApplicationScoped
@IfBuildProperty(name = "tavola.outbox.enabled", stringValue = "true")
public class OutboxReadiness implements HealthCheck {

    @Inject
    OutboxRelay relay;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("rabbitmq-outbox-relay").up()
                .withData("broker", relay.connected() ? "connected" : "disconnected: events wait in the outbox")
                .build();
    }
}
