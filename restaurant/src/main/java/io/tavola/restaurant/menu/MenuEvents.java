package io.tavola.restaurant.menu;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.smallrye.mutiny.Uni;
import io.tavola.common.event.EventType;
import io.tavola.common.outbox.Outbox;
import io.tavola.common.outbox.OutboxRelay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Menu events for the topic exchange {@code menu}, written to the outbox in the transaction of the
 * change, so a broker outage delays the live "sold out" push to diners and kitchens but never loses it:
 * {@code menu.item_availability_changed} for an 86 (and its undoing), {@code menu.changed} for any other
 * change of what diners see (an item added, edited, repriced, removed or given a picture; a category
 * added, renamed or removed), after which open menus read the menu again.
 */
@ApplicationScoped
public class MenuEvents {

    /** The data of {@code menu.item_availability_changed} (docs/contracts.md). */
    public record ItemAvailability(UUID menuItemId, String name, @JsonProperty("is_available") boolean isAvailable) {}

    /** The data of {@code menu.changed}: what changed (an item or a category) and how. */
    public record MenuChanged(String change, UUID menuItemId, UUID categoryId) {

        static MenuChanged item(String how, UUID itemId) {
            return new MenuChanged("item_" + how, itemId, null);
        }

        static MenuChanged category(String how, UUID categoryId) {
            return new MenuChanged("category_" + how, null, categoryId);
        }
    }

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    /** Call inside the transaction that changed the item. */
    public Uni<Void> itemAvailabilityChanged(UUID restaurantId, UUID itemId, String name, boolean available) {
        return outbox.add(EventType.MENU_ITEM_AVAILABILITY_CHANGED, restaurantId,
                new ItemAvailability(itemId, name, available));
    }

    /** Call inside the transaction of the change. */
    public Uni<Void> menuChanged(UUID restaurantId, MenuChanged change) {
        return outbox.add(EventType.MENU_CHANGED, restaurantId, change);
    }

    /** After the commit: publish now instead of at the relay's next poll. */
    public void publishNow() {
        relay.wake();
    }
}
