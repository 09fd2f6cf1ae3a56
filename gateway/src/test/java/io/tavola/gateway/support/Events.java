package io.tavola.gateway.support;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.tavola.common.testkit.RabbitConnections;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/** Publishes event envelopes the way the orders and restaurant services do, onto the test exchanges. */
public final class Events {

    private Events() {}

    public static String ordersExchange() {
        return ConfigProvider.getConfig().getValue("tavola.live.streams.orders.exchange", String.class);
    }

    public static String feedbackExchange() {
        return ConfigProvider.getConfig().getValue("tavola.live.streams.feedback.exchange", String.class);
    }

    public static String menuExchange() {
        return ConfigProvider.getConfig().getValue("tavola.live.streams.menu.exchange", String.class);
    }

    /** An envelope of {@code type} ({@code order.created}) for a restaurant, published with its routing key. */
    public static JsonObject publish(String exchange, String type, String restaurantId, JsonObject data) {
        JsonObject envelope = envelope(type, restaurantId, data);
        publishRaw(exchange, envelope);
        return envelope;
    }

    /** An envelope as an outbox writes it: with its stream and its sequence in that stream for the restaurant. */
    public static JsonObject publishSequenced(String exchange, String type, String restaurantId, String stream,
            long sequence, JsonObject data) {
        JsonObject envelope = envelope(type, restaurantId, data).put("stream", stream).put("sequence", sequence);
        publishRaw(exchange, envelope);
        return envelope;
    }

    public static JsonObject envelope(String type, String restaurantId, JsonObject data) {
        return new JsonObject().put("event_id", UUID.randomUUID().toString()).put("type", type)
                .put("occurred_at", Instant.now().toString()).put("restaurant_id", restaurantId).put("data", data);
    }

    public static void publishRaw(String exchange, JsonObject envelope) {
        String type = envelope.getString("type");
        int dot = type.indexOf('.');
        String routingKey = type.substring(0, dot) + "." + envelope.getString("restaurant_id") + type.substring(dot);
        publishBytes(exchange, routingKey, envelope.encode().getBytes(StandardCharsets.UTF_8));
    }

    /** Any message body, envelope or not. */
    public static void publishBytes(String exchange, String routingKey, byte[] body) {
        ConnectionFactory factory = RabbitConnections.factory();
        try (Connection connection = factory.newConnection("tavola-gateway-test");
                Channel channel = connection.createChannel()) {
            channel.exchangeDeclare(exchange, "topic", true);
            channel.basicPublish(exchange, routingKey, new AMQP.BasicProperties.Builder()
                    .contentType("application/json").deliveryMode(2).build(), body);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + exchange, e);
        }
    }

    /** An order as the orders service describes it (contracts.md), enough for routing. */
    public static JsonObject order(String restaurantId, String sessionId) {
        return new JsonObject().put("id", UUID.randomUUID().toString()).put("restaurant_id", restaurantId)
                .put("session_id", sessionId).put("status", "PENDING").put("type", "dine_in")
                .put("currency", "EUR").put("total_amount", 23.00);
    }
}
