package io.tavola.common.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * A test's own exclusive, auto-deleted queue bound to an exchange, so tests watch events without
 * competing with a running service's consumers. Messages are parsed as JSON and kept in order.
 */
public final class RabbitQueue implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connection connection;
    private final Channel channel;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();

    private RabbitQueue(Connection connection, Channel channel) {
        this.connection = connection;
        this.channel = channel;
    }

    /** Binds a fresh queue to a topic exchange (declared if absent) with the given binding keys. */
    public static RabbitQueue bind(String exchange, String... bindingKeys) {
        try {
            ConnectionFactory factory = RabbitConnections.factory();
            Connection connection = factory.newConnection("tavola-test");
            Channel channel = connection.createChannel();
            channel.exchangeDeclare(exchange, "topic", true);
            String queue = channel.queueDeclare("", false, true, true, null).getQueue();
            for (String key : bindingKeys) {
                channel.queueBind(queue, exchange, key);
            }
            RabbitQueue probe = new RabbitQueue(connection, channel);
            channel.basicConsume(queue, true, (tag, delivery) -> probe.received.add(JSON.readTree(delivery.getBody())),
                    tag -> {
                    });
            return probe;
        } catch (Exception e) {
            throw new IllegalStateException("could not bind a test queue to " + exchange, e);
        }
    }

    /** Waits up to {@code timeout} for a message matching {@code match} and returns it. */
    public JsonNode await(Predicate<JsonNode> match, Duration timeout) {
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(20))
                .until(() -> received.stream().filter(match).findFirst().orElse(null), m -> m != null);
    }

    public List<JsonNode> received() {
        return new ArrayList<>(received);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (Exception ignored) {
            // the broker drops an exclusive queue with its connection anyway
        }
        try {
            connection.close();
        } catch (Exception ignored) {
            // already closed
        }
    }
}
