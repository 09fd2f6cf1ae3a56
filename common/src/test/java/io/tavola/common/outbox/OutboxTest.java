package io.tavola.common.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.tavola.common.event.EventType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What an outbox refuses before it writes anything (no database needed: nothing is written). */
class OutboxTest {

    record SessionSummary(UUID id) {}

    record ItemAvailability(UUID menuItemId) {}

    private static Outbox outboxOf(String exchange) {
        Outbox outbox = new Outbox();
        outbox.config = new SmallRyeConfigBuilder()
                .withMapping(OutboxConfig.class)
                .withSources(new PropertiesConfigSource(Map.of(
                        "tavola.outbox.exchange", exchange,
                        "tavola.outbox.table", "orders.outbox_event",
                        "tavola.outbox.broker.host", "127.0.0.1",
                        "tavola.outbox.broker.port", "5672",
                        "tavola.outbox.broker.username", "guest",
                        "tavola.outbox.broker.password", "guest",
                        "tavola.outbox.broker.virtual-host", "tavola_test"), "OutboxTest", 100))
                .build()
                .getConfigMapping(OutboxConfig.class);
        return outbox;
    }

    @Test
    void anEventOfAnotherStreamIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> outboxOf("orders")
                .add(EventType.MENU_ITEM_AVAILABILITY_CHANGED, UUID.randomUUID(), new ItemAvailability(UUID.randomUUID()))
                .await().indefinitely());
        assertEquals("menu.item_availability_changed belongs to stream menu, not to this outbox's orders", e.getMessage());
    }

    @Test
    void anEventWithAnotherPayloadThanItsCataloguesIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> outboxOf("orders")
                .add(EventType.ORDER_CREATED, UUID.randomUUID(), new SessionSummary(UUID.randomUUID()))
                .await().indefinitely());
        assertEquals("order.created carries OrderView, not io.tavola.common.outbox.OutboxTest$SessionSummary",
                e.getMessage());
    }
}
