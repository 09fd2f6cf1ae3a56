package io.tavola.orders;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.tavola.orders.order.OrderView;
import io.tavola.orders.session.ServiceRequests;
import io.tavola.orders.tab.SessionSummary;

/**
 * Types that only an ObjectMapper turns into JSON or back (outbox event payloads, the order lines'
 * stored modifiers), never a REST signature alone: a native executable knows their accessors and
 * constructors only when they are registered here (nested records included).
 */
@RegisterForReflection(targets = { OrderView.class, SessionSummary.class, ServiceRequests.Requested.class })
final class JsonPayloads {

    private JsonPayloads() {
    }
}
