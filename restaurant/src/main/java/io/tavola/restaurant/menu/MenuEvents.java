package io.tavola.restaurant.menu;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata;
import io.tavola.common.event.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes menu events on the topic exchange {@code menu}. They are live-update hints for screens that
 * are open (the menu itself is always re-read from this service), so they are sent after the commit
 * without an outbox: a broker outage delays nothing a diner orders, it only skips a push.
 */
@ApplicationScoped
public class MenuEvents {

    public static final String ITEM_AVAILABILITY_CHANGED = "menu.item_availability_changed";
    private static final Logger LOG = Logger.getLogger(MenuEvents.class);

    @Inject
    @Channel("menu-events")
    MutinyEmitter<String> emitter;

    @Inject
    ObjectMapper json;

    public Uni<Void> itemAvailabilityChanged(UUID restaurantId, UUID itemId, String name, boolean available) {
        ObjectNode data = json.createObjectNode();
        data.put("menu_item_id", itemId.toString());
        data.put("name", name);
        data.put("is_available", available);
        EventEnvelope event = EventEnvelope.of(ITEM_AVAILABILITY_CHANGED, restaurantId, data);
        String body;
        try {
            body = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        OutgoingRabbitMQMetadata metadata = OutgoingRabbitMQMetadata.builder()
                .withRoutingKey(event.routingKey())
                .withContentType("application/json")
                .withMessageId(event.eventId().toString())
                .withDeliveryMode(2)
                .build();
        return emitter.sendMessage(Message.of(body).addMetadata(metadata))
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("could not publish %s for item %s: %s", event.type(), itemId, e.getMessage());
                    return null;
                });
    }
}
