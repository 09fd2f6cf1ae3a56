package io.tavola.customers;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.tavola.common.testkit.RabbitConnections;
import com.rabbitmq.client.GetResponse;
import io.tavola.common.testkit.Tables;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;

/** Publishes order events the way the orders service does (docs/contracts.md) and reads the DLQ. */
final class OrderEvents {

    static final String QUEUE = "customers.order-events.test";

    private OrderEvents() {}

    /** An order event envelope; {@code customerId} null for a guest order at {@code tableId}. */
    static String order(UUID eventId, String type, UUID restaurantId, UUID orderId, UUID customerId, UUID tableId,
            String status, BigDecimal total, Instant createdAt, Instant updatedAt) {
        return """
                {"event_id": "%s", "type": "%s", "occurred_at": "%s", "restaurant_id": "%s",
                 "data": {"id": "%s", "restaurant_id": "%s", "session_id": %s, "table_id": %s, "table_label": null,
                          "customer_id": %s, "type": "%s", "status": "%s", "currency": "EUR", "total_amount": %s,
                          "items": [{"menu_item_id": "%s", "name": "Margherita", "quantity": 2, "unit_price": 5.00,
                                     "modifiers": [], "note": null, "line_total": 10.00}],
                          "created_at": "%s", "updated_at": "%s"}}
                """.formatted(eventId, type, updatedAt, restaurantId, orderId, restaurantId,
                tableId == null ? "null" : "\"" + UUID.randomUUID() + "\"",
                tableId == null ? "null" : "\"" + tableId + "\"",
                customerId == null ? "null" : "\"" + customerId + "\"",
                tableId == null ? "takeaway" : "dine_in", status, total.toPlainString(), UUID.randomUUID(),
                createdAt, updatedAt);
    }

    static void publish(String routingKey, String body) {
        withChannel(channel -> {
            channel.exchangeDeclare("orders", "topic", true);
            channel.basicPublish("orders", routingKey, new AMQP.BasicProperties.Builder()
                    .contentType("application/json").deliveryMode(2).build(), body.getBytes(StandardCharsets.UTF_8));
            return null;
        });
    }

    /** Publishes a full order life: created (PENDING) then status changes up to {@code finalStatus}. */
    static UUID placeAndFinish(UUID restaurantId, UUID customerId, UUID tableId, BigDecimal total, String finalStatus) {
        UUID orderId = UUID.randomUUID();
        Instant created = Instant.now().minusSeconds(60);
        publish("order." + restaurantId + ".created", order(UUID.randomUUID(), "order.created", restaurantId, orderId,
                customerId, tableId, "PENDING", total, created, created));
        if (!"PENDING".equals(finalStatus)) {
            publish("order." + restaurantId + ".status_changed", order(UUID.randomUUID(), "order.status_changed",
                    restaurantId, orderId, customerId, tableId, finalStatus, total, created, created.plusSeconds(30)));
        }
        awaitStatus(orderId, finalStatus);
        return orderId;
    }

    static void awaitStatus(UUID orderId, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> Tables.count("select count(*) from customers.order_history where order_id = '" + orderId
                        + "' and status = '" + status + "'") == 1);
    }

    static void purgeDeadLetters() {
        withChannel(channel -> channel.queuePurge(QUEUE + ".dlq"));
    }

    /** The next dead-lettered message body, waiting up to 10 s. */
    static String awaitDeadLetter() {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> withChannel(channel -> {
                    GetResponse response = channel.basicGet(QUEUE + ".dlq", true);
                    return response == null ? null : new String(response.getBody(), StandardCharsets.UTF_8);
                }), body -> body != null);
    }

    interface ChannelWork<T> {
        T run(Channel channel) throws Exception;
    }

    static <T> T withChannel(ChannelWork<T> work) {
        ConnectionFactory factory = RabbitConnections.factory();
        try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            return work.run(channel);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
