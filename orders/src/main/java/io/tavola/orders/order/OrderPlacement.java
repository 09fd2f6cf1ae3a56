package io.tavola.orders.order;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.tavola.common.error.ApiException;
import io.tavola.common.error.Problem;
import io.tavola.common.event.EventType;
import io.tavola.common.menu.Quote;
import io.tavola.common.outbox.Outbox;
import io.tavola.common.outbox.OutboxRelay;
import io.tavola.common.security.Caller;
import io.tavola.common.security.Role;
import io.tavola.common.tenancy.TenantScope;
import io.tavola.orders.restaurant.PriceBooks;
import io.tavola.orders.restaurant.RestaurantClient;
import io.tavola.orders.restaurant.RestaurantProfiles;
import io.tavola.orders.tab.SessionSummary;
import io.tavola.orders.tab.SessionTabs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Placing an order: who orders where, prices from the restaurant's price book (never from the client), the
 * walkout guard, the table's session, the idempotency key, and the events, all in one transaction.
 */
@ApplicationScoped
public class OrderPlacement {

    /** The answer: the order, and whether it was created now or replayed for a retried request. */
    public record Placed(OrderView order, boolean replayed) {}

    /** Where an order goes; a guest's table label comes from its token (what the restaurant calls it). */
    private record Target(UUID restaurantId, UUID tableId, String tableLabel, String type, UUID customerId) {}

    @Inject
    Caller caller;

    @Inject
    RestaurantClient restaurants;

    @Inject
    PriceBooks prices;

    @Inject
    SessionTabs tabs;

    @Inject
    OrderViews views;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    Event<OrderPlaced> placedOrders;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    public Uni<Placed> place(PlaceOrderRequest request, String idempotencyKey) {
        Target target = target(request);
        UUID userId = caller.userId();
        String role = caller.role().wire();
        boolean staff = caller.role() != Role.GUEST && caller.role() != Role.CUSTOMER;
        String requestHash = idempotencyKey == null ? null : requestHash(request);
        // a table staff name must be one of the restaurant's (a guest's is in its token)
        Uni<?> tableKnown = staff && target.tableId() != null
                ? restaurants.requireTable(target.restaurantId(), target.tableId(), caller.bearer())
                : Uni.createFrom().voidItem();
        return replay(userId, idempotencyKey, requestHash)
                .chain(existing -> existing != null ? Uni.createFrom().item(existing)
                        : tableKnown.chain(() -> prices.quote(target.restaurantId(), quoteLines(request)))
                                .invoke(quote -> checkQuote(request, quote))
                                .chain(quote -> Panache.withTransaction(() -> store(request, target, quote, staff, userId,
                                        role, idempotencyKey, requestHash))
                                        .invoke(() -> RestaurantProfiles.committed(target.restaurantId(),
                                                quote.restaurant())))
                                .invoke(placed -> {
                                    if (!placed.replayed()) {
                                        placedOrders.fire(new OrderPlaced(placed.order()));
                                        relay.wake();
                                    }
                                }));
    }

    /**
     * Who orders where; the restaurant decided here is the request's tenant scope, so the session, the
     * order and the replayed order are all read in it.
     */
    private Target target(PlaceOrderRequest request) {
        Role role = caller.role();
        switch (role) {
            case GUEST -> {
                if ("takeaway".equals(request.type())) {
                    throw ApiException.invalidField("type", "guests order dine_in at their table");
                }
                UUID table = caller.tableId()
                        .orElseThrow(() -> ApiException.forbidden("The guest token names no table"));
                return new Target(caller.ownRestaurant(), table, caller.tableLabel().orElse(request.tableLabel()),
                        "dine_in", null);
            }
            case CUSTOMER -> {
                if ("dine_in".equals(request.type())) {
                    throw ApiException.invalidField("type", "dine-in orders are placed with the table's QR code");
                }
                if (request.restaurantId() == null) {
                    throw ApiException.invalidField("restaurant_id", "is required");
                }
                // a customer may order takeaway anywhere: the restaurant it names (the quote checks it exists)
                TenantScope.set(TenantScope.of(request.restaurantId()));
                return new Target(request.restaurantId(), null, null, "takeaway", caller.userId());
            }
            case CHEF -> throw ApiException.forbidden("Chefs do not place orders");
            default -> {
                UUID restaurant = caller.staffScope(request.restaurantId(), Role.RESTAURANT_ADMIN, Role.WAITER);
                String type = request.type() == null ? "dine_in" : request.type();
                UUID table = "dine_in".equals(type) ? requireField(request.tableId(), "table_id") : null;
                return new Target(restaurant, table, request.tableLabel(), type, null);
            }
        }
    }

    private static <T> T requireField(T value, String field) {
        if (value == null) {
            throw ApiException.invalidField(field, "is required");
        }
        return value;
    }

    /** What the request asked for, as its canonical JSON's SHA-256 (records serialize in a fixed order). */
    private String requestHash(PlaceOrderRequest request) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(request));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint an order request", e);
        }
    }

    private Uni<Placed> replay(UUID userId, String idempotencyKey, String requestHash) {
        if (idempotencyKey == null) {
            return Uni.createFrom().nullItem();
        }
        return Panache.withSession(() -> IdempotencyKeys.orderFor(userId, idempotencyKey, requestHash)
                .chain(orderId -> orderId == null ? Uni.createFrom().<Placed>nullItem()
                        : CustomerOrder.<CustomerOrder>findById(orderId).chain(views::view)
                                .map(view -> new Placed(view, true))));
    }

    private static List<Quote.RequestLine> quoteLines(PlaceOrderRequest request) {
        return request.items().stream()
                .map(line -> new Quote.RequestLine(line.menuItemId(),
                        line.modifierOptionIds() == null ? List.of() : line.modifierOptionIds()))
                .toList();
    }

    private Uni<Placed> store(PlaceOrderRequest request, Target target, Quote quote, boolean staff, UUID userId,
            String role, String idempotencyKey, String requestHash) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        CustomerOrder order = new CustomerOrder();
        order.id = UUID.randomUUID();
        Uni<UUID> claimed = idempotencyKey == null ? Uni.createFrom().item(order.id)
                : IdempotencyKeys.claim(userId, idempotencyKey, requestHash, target.restaurantId(), order.id, now);
        return claimed.chain(owner -> {
            if (!owner.equals(order.id)) {
                // the same request is being (or was just) handled by a concurrent retry: answer with its order
                return CustomerOrder.<CustomerOrder>findById(owner).chain(views::view).map(v -> new Placed(v, true));
            }
            return RestaurantProfiles.remember(target.restaurantId(), quote.restaurant(), now)
                    .chain(() -> target.tableId() == null ? Uni.createFrom().<SessionTabs.Joined>nullItem()
                            : tabs.openOrJoin(target.restaurantId(), target.tableId(), target.tableLabel(),
                                    quote.restaurant().currency(), userId, role, null))
                    .chain(joined -> create(order, request, target, quote, staff, userId, role, now, joined));
        });
    }

    private Uni<Placed> create(CustomerOrder order, PlaceOrderRequest request, Target target, Quote quote,
            boolean staff, UUID userId, String role, Instant now, SessionTabs.Joined joined) {
        order.restaurantId = target.restaurantId();
        order.sessionId = joined == null ? null : joined.session().id;
        order.tableId = target.tableId();
        order.tableLabel = joined == null ? target.tableLabel() : joined.session().tableLabel;
        order.customerId = target.customerId();
        order.placedBy = userId;
        order.placedByRole = role;
        order.type = target.type();
        order.currency = quote.restaurant().currency();
        order.note = request.note();
        order.createdAt = now;
        // the walkout guard: diners wait for staff when the restaurant wants to confirm their orders
        OrderStatus initial = !staff && quote.restaurant().orderConfirmationRequired()
                ? OrderStatus.PENDING : OrderStatus.CONFIRMED;
        order.moveTo(initial, now);

        List<OrderItem> items = items(order, request, quote);
        BigDecimal total = items.stream().map(item -> item.lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        order.totalAmount = total;
        if (joined != null) {
            SessionTabs.charge(joined.session(), total);
        }
        OrderStatusChange first = OrderStatusChange.of(order, null, initial, userId, role, now);
        OrderView view = views.view(order, items, List.of(first));

        return order.<CustomerOrder>persist()
                .chain(() -> OrderItem.persist(items))
                .chain(() -> first.persist())
                .chain(() -> events(order.restaurantId, view, joined))
                .replaceWith(new Placed(view, false));
    }

    /** The order's lines at the quoted prices, each option's price added to its unit price. */
    private List<OrderItem> items(CustomerOrder order, PlaceOrderRequest request, Quote quote) {
        List<OrderItem> items = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            PlaceOrderRequest.Line asked = request.items().get(i);
            Quote.Line priced = quote.lines().get(i);
            List<OrderView.Modifier> modifiers = priced.modifiers() == null ? List.of()
                    : priced.modifiers().stream()
                            .map(m -> new OrderView.Modifier(m.optionId(), m.optionName(), money(m.priceDelta())))
                            .toList();
            BigDecimal unit = money(priced.unitPrice());
            for (OrderView.Modifier m : modifiers) {
                unit = unit.add(m.priceDelta());
            }
            OrderItem item = new OrderItem();
            item.id = UUID.randomUUID();
            item.orderId = order.id;
            item.restaurantId = order.restaurantId;
            item.position = i;
            item.menuItemId = asked.menuItemId();
            item.name = priced.name();
            item.quantity = asked.quantity();
            item.unitPrice = unit;
            item.modifiers = views.modifiersJson(modifiers);
            item.note = asked.note();
            item.lineTotal = unit.multiply(BigDecimal.valueOf(asked.quantity()));
            items.add(item);
        }
        return items;
    }

    /**
     * The order's event and, at a table, one session event with the total that includes it: the order
     * that opened the session announces it first ({@code session.opened}, then {@code order.created}),
     * a later one follows its own event with {@code session.updated}.
     */
    private Uni<Void> events(UUID restaurantId, OrderView view, SessionTabs.Joined joined) {
        if (joined == null) {
            return outbox.add(EventType.ORDER_CREATED, restaurantId, view);
        }
        SessionSummary summary = SessionSummary.of(joined.session());
        return joined.opened()
                ? outbox.add(EventType.SESSION_OPENED, restaurantId, summary)
                        .chain(() -> outbox.add(EventType.ORDER_CREATED, restaurantId, view))
                : outbox.add(EventType.ORDER_CREATED, restaurantId, view)
                        .chain(() -> outbox.add(EventType.SESSION_UPDATED, restaurantId, summary));
    }

    /** Rule errors are the diner's mistake (400), an 86'd item is a conflict with the kitchen (409). */
    private static void checkQuote(PlaceOrderRequest request, Quote quote) {
        if (!quote.restaurant().isActive()) {
            throw ApiException.conflict("restaurant-inactive", "The restaurant does not take orders at the moment");
        }
        if (quote.lines() == null || quote.lines().size() != request.items().size()) {
            throw new ApiException(502, "restaurant-bad-answer", "Bad gateway",
                    "The restaurant service answered the price check with a different number of lines");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < quote.lines().size(); i++) {
            Quote.Line line = quote.lines().get(i);
            if (line.error() != null) {
                String item = line.name() != null ? line.name() : String.valueOf(request.items().get(i).menuItemId());
                errors.add(new Problem.FieldError("items[" + i + "]", item + ": " + line.error()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(400, "invalid-order-item", "Invalid order item",
                    String.join("; ", errors.stream().map(Problem.FieldError::message).toList()), errors, Map.of());
        }
        List<String> unavailable = quote.lines().stream().filter(l -> !l.isAvailable()).map(Quote.Line::name).toList();
        if (!unavailable.isEmpty()) {
            throw ApiException.conflict("item-unavailable",
                    String.join(", ", unavailable) + (unavailable.size() == 1 ? " is" : " are")
                            + " not available right now");
        }
    }

    private static BigDecimal money(BigDecimal amount) {
        return (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.HALF_UP);
    }
}
