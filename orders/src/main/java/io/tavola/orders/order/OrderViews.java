package io.tavola.orders.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Turns stored orders into their API shape, loading items and history for a whole page at once. */
@ApplicationScoped
public class OrderViews {

    private static final TypeReference<List<OrderView.Modifier>> MODIFIERS = new TypeReference<>() {};

    @Inject
    ObjectMapper json;

    public Uni<OrderView> view(CustomerOrder order) {
        return views(List.of(order)).map(list -> list.get(0));
    }

    public Uni<List<OrderView>> views(List<CustomerOrder> orders) {
        if (orders.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = orders.stream().map(o -> o.id).toList();
        Uni<List<OrderItem>> items = OrderItem.list("orderId in ?1 order by orderId, position", ids);
        Uni<List<OrderStatusChange>> history = OrderStatusChange.list("orderId in ?1 order by changedAt, id", ids);
        // one session, one query at a time (Hibernate Reactive sessions are not concurrent)
        return items.chain(itemList -> history.map(historyList -> {
            Map<UUID, List<OrderItem>> itemsByOrder = itemList.stream()
                    .collect(Collectors.groupingBy(i -> i.orderId, LinkedHashMap::new, Collectors.toList()));
            Map<UUID, List<OrderStatusChange>> historyByOrder = historyList.stream()
                    .collect(Collectors.groupingBy(h -> h.orderId, LinkedHashMap::new, Collectors.toList()));
            List<OrderView> views = new ArrayList<>();
            for (CustomerOrder order : orders) {
                views.add(view(order, itemsByOrder.getOrDefault(order.id, List.of()),
                        historyByOrder.getOrDefault(order.id, List.of())));
            }
            return views;
        }));
    }

    /** The view from what is in hand (used inside a transaction for the event payload). */
    public OrderView view(CustomerOrder order, List<OrderItem> items, List<OrderStatusChange> history) {
        List<OrderView.Item> itemViews = items.stream()
                .sorted(Comparator.comparingInt(i -> i.position))
                .map(i -> new OrderView.Item(i.menuItemId, i.name, i.quantity, i.unitPrice, modifiers(i.modifiers),
                        i.note, i.lineTotal))
                .toList();
        List<OrderView.StatusStep> steps = history.stream()
                .sorted(Comparator.comparing((OrderStatusChange h) -> h.changedAt))
                .map(h -> new OrderView.StatusStep(h.fromStatus, h.toStatus, h.changedAt, h.changedBy, h.changedByRole))
                .toList();
        return new OrderView(order.id, order.restaurantId, order.sessionId, order.tableId, order.tableLabel,
                order.customerId, order.type, order.status, order.currency, order.totalAmount, order.note, itemViews,
                order.createdAt, order.updatedAt, steps);
    }

    String modifiersJson(List<OrderView.Modifier> modifiers) {
        try {
            return json.writeValueAsString(modifiers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The options chosen on an ordered item, as stored with it. */
    public List<OrderView.Modifier> modifiers(OrderItem item) {
        return modifiers(item.modifiers);
    }

    private List<OrderView.Modifier> modifiers(String stored) {
        try {
            return json.readValue(stored, MODIFIERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored modifiers unreadable", e);
        }
    }
}
