package io.tavola.gateway.live;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Consumes the {@code orders}, {@code menu} and {@code feedback} exchanges into this replica's own queues and hands each
 * envelope to the hub. A message that is not an envelope is dropped (logged), never redelivered forever.
 */
@ApplicationScoped
public class LiveEvents {

    private static final Logger LOG = Logger.getLogger(LiveEvents.class);

    private final LiveHub hub;

    LiveEvents(LiveHub hub) {
        this.hub = hub;
    }

    @Incoming("live-orders")
    CompletionStage<Void> orders(Message<Object> message) {
        return handle(message);
    }

    @Incoming("live-menu")
    CompletionStage<Void> menu(Message<Object> message) {
        return handle(message);
    }

    /** Low ratings ({@code feedback.<rid>.low_rating}): for the restaurant's kitchen and admin screens. */
    @Incoming("live-feedback")
    CompletionStage<Void> feedback(Message<Object> message) {
        return handle(message);
    }

    private CompletionStage<Void> handle(Message<Object> message) {
        try {
            hub.dispatch(envelope(message.getPayload()));
        } catch (RuntimeException e) {
            LOG.warnf("Dropped a live event that is not a JSON envelope: %s", e.toString());
        }
        return message.ack();
    }

    static JsonObject envelope(Object payload) {
        if (payload instanceof JsonObject json) {
            return json;
        }
        if (payload instanceof byte[] bytes) {
            return new JsonObject(new String(bytes, StandardCharsets.UTF_8));
        }
        if (payload instanceof Buffer buffer) {
            return buffer.toJsonObject();
        }
        if (payload instanceof io.vertx.mutiny.core.buffer.Buffer buffer) {
            return buffer.getDelegate().toJsonObject();
        }
        if (payload instanceof String text) {
            return new JsonObject(text);
        }
        throw new IllegalArgumentException("unexpected payload " + payload.getClass().getName());
    }
}
