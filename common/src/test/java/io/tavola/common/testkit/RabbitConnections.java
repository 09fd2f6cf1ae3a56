package io.tavola.common.testkit;

import com.rabbitmq.client.ConnectionFactory;
import org.eclipse.microprofile.config.ConfigProvider;

/** Connections of tests to the same RabbitMQ and virtual host as the service under test. */
public final class RabbitConnections {

    private RabbitConnections() {}

    public static ConnectionFactory factory() {
        var config = ConfigProvider.getConfig();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(config.getOptionalValue("rabbitmq-host", String.class).orElse("127.0.0.1"));
        factory.setPort(config.getOptionalValue("rabbitmq-port", Integer.class).orElse(5672));
        factory.setUsername(config.getOptionalValue("rabbitmq-username", String.class).orElse("guest"));
        factory.setPassword(config.getOptionalValue("rabbitmq-password", String.class).orElse("guest"));
        factory.setVirtualHost(config.getOptionalValue("rabbitmq-virtual-host", String.class).orElse("/"));
        return factory;
    }
}
