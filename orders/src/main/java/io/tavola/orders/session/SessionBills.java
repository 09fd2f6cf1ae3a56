package io.tavola.orders.session;

import io.tavola.orders.tab.TableSession;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.tavola.common.error.ApiException;
import io.tavola.orders.order.CustomerOrder;
import io.tavola.orders.order.OrderItem;
import io.tavola.orders.order.OrderStatus;
import io.tavola.orders.order.OrderViews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds a session's bill: lines of its non-cancelled orders, the tip, and the split. */
@ApplicationScoped
public class SessionBills {

    /** How the caller wants the bill: tip as percent or amount, split none / equal N / by items. */
    public record Ask(BigDecimal tipPercent, BigDecimal tipAmount, String split, Integer parts) {}

    @Inject
    TableSessions sessions;

    @Inject
    OrderViews orderViews;

    public Uni<Bill> bill(UUID sessionId, Ask ask) {
        String mode = ask.split() == null ? "none" : ask.split();
        if (!List.of("none", "equal", "items").contains(mode)) {
            throw ApiException.invalidField("split", "must be none, equal or items");
        }
        if ("equal".equals(mode) && (ask.parts() == null || ask.parts() < 1 || ask.parts() > 50)) {
            throw ApiException.invalidField("parts", "must be between 1 and 50 for an equal split");
        }
        return Panache.withSession(() -> sessions.visible(sessionId)
                .chain(tab -> CustomerOrder.<CustomerOrder>list("sessionId = ?1 and status <> ?2",
                        Sort.ascending("createdAt", "id"), tab.id, OrderStatus.CANCELLED)
                        .chain(orders -> items(orders).chain(items -> sessions.diners(tab.id)
                                .map(diners -> build(tab, orders, items, diners, ask, mode))))));
    }

    private static Uni<List<OrderItem>> items(List<CustomerOrder> orders) {
        if (orders.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return OrderItem.list("orderId in ?1", orders.stream().map(o -> o.id).toList());
    }

    private Bill build(TableSession tab, List<CustomerOrder> orders, List<OrderItem> items,
            List<SessionView.Diner> diners, Ask ask, String mode) {
        Map<UUID, CustomerOrder> byId = orders.stream()
                .collect(Collectors.toMap(o -> o.id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<UUID> orderSequence = new ArrayList<>(byId.keySet());
        List<Bill.Line> lines = items.stream()
                .sorted(Comparator.comparingInt((OrderItem i) -> orderSequence.indexOf(i.orderId))
                        .thenComparingInt(i -> i.position))
                .map(i -> new Bill.Line(i.orderId, byId.get(i.orderId).placedBy, i.menuItemId, i.name, i.quantity,
                        i.unitPrice, orderViews.modifiers(i), i.lineTotal))
                .toList();
        BigDecimal subtotal = lines.stream().map(Bill.Line::lineTotal).reduce(BigDecimal.ZERO.setScale(2),
                BigDecimal::add);
        BigDecimal tip = BillCalculator.tip(subtotal, ask.tipPercent(), ask.tipAmount());
        BigDecimal total = subtotal.add(tip);
        List<Bill.Part> parts = switch (mode) {
            case "equal" -> BillCalculator.equal(subtotal, tip, ask.parts());
            case "items" -> {
                Map<UUID, BigDecimal> perDiner = new LinkedHashMap<>();
                for (Bill.Line line : lines) {
                    perDiner.merge(line.dinerId(), line.lineTotal(), BigDecimal::add);
                }
                // each part under the name its diner gave the table (the web app says "You" for the caller's)
                Map<UUID, String> names = new HashMap<>();
                diners.stream().filter(d -> d.name() != null).forEach(d -> names.put(d.userId(), d.name()));
                yield BillCalculator.byDiner(perDiner, tip).stream().map(p -> p.named(names.get(p.dinerId())))
                        .toList();
            }
            default -> List.of();
        };
        return new Bill(tab.id, tab.tableId, tab.tableLabel, tab.status, tab.currency, lines,
                BillCalculator.group(lines), subtotal, tip, total, new Bill.Split(mode, parts));
    }
}
