package io.tavola.restaurant.menu;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.tavola.common.outbox.Outbox;
import io.tavola.common.outbox.OutboxRelay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Menu events for the topic exchange {@code menu}, written to the outbox in the transaction of the
 * change, so a broker outage delays the live "sold out" push to diners and kitchens but never loses it.
 */
@ApplicationScoped
public class MenuEvents {

    public static final String ITEM_AVAILABILITY_CHANGED = "menu.item_availability_changed";

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    ObjectMapper json;

    /** Call inside the transaction that changed the item. */
    public Uni<Void> itemAvailabilityChanged(UUID restaurantId, UUID itemId, String name, boolean available) {
        ObjectNode data = json.createObjectNode();
        data.put("menu_item_id", itemId.toString());
        data.put("name", name);
        data.put("is_available", available);
        return outbox.add(ITEM_AVAILABILITY_CHANGED, restaurantId, data);
    }

    /** After the commit: publish now instead of at the relay's next poll. */
    public void publishNow() {
        relay.wake();
    }
}
