package io.tavola.orders.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows the relay's broker connection in readiness without failing it: orders are still taken while
 * RabbitMQ is away (their events wait in the outbox), so an orchestrator must not pull this service
 * out of rotation for it.
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    @Inject
    OutboxRelay relay;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("rabbitmq-outbox-relay").up()
                .withData("broker", relay.connected() ? "connected" : "disconnected: events wait in the outbox")
                .build();
    }
}
