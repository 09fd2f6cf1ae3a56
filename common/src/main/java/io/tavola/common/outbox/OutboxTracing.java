package io.tavola.common.outbox;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries a trace through the outbox: the transaction that writes an event stores the current W3C
 * {@code traceparent}; the relay publishes the event in a PRODUCER span child of it and sends that span's
 * {@code traceparent} as a message header, which the consumers continue (the messaging connector in
 * customers, {@code LiveFeed} in the gateway). Without a sampled trace nothing is exported, but the ids
 * still travel, so log lines of one order share one trace id across services.
 */
@ApplicationScoped
public class OutboxTracing {

    static final String TRACEPARENT = "traceparent";

    private static final TextMapGetter<Map<String, ?>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, ?> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, ?> carrier, String key) {
            Object value = carrier == null ? null : carrier.get(key);
            return value == null ? null : value.toString(); // RabbitMQ gives LongString values
        }
    };

    @Inject
    OpenTelemetry otel;

    /** The traceparent of the current context, or null outside any trace. */
    public String current() {
        Map<String, String> carrier = new HashMap<>();
        otel.getPropagators().getTextMapPropagator().inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** The context that message headers (or a stored traceparent) name; the root context when none. */
    public Context extract(Map<String, ?> headers) {
        return headers == null ? Context.root()
                : otel.getPropagators().getTextMapPropagator().extract(Context.root(), headers, HEADERS);
    }

    /** A PRODUCER span publishing one event, child of the trace that wrote it. */
    Span publishing(String exchange, String routingKey, String storedTraceparent) {
        Context parent = storedTraceparent == null ? Context.root() : extract(Map.of(TRACEPARENT, storedTraceparent));
        return otel.getTracer("tavola-outbox").spanBuilder(exchange + " publish")
                .setParent(parent).setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "rabbitmq")
                .setAttribute("messaging.destination.name", exchange)
                .setAttribute("messaging.rabbitmq.destination.routing_key", routingKey)
                .startSpan();
    }

    /** The headers that carry a span to the consumers. */
    Map<String, Object> headersOf(Span span) {
        Map<String, Object> headers = new HashMap<>();
        otel.getPropagators().getTextMapPropagator().inject(Context.root().with(span), headers, Map::put);
        return headers;
    }

    /** A CONSUMER span of a received message, child of the publisher's span its headers name. */
    public Span receiving(String name, Map<String, ?> headers) {
        return otel.getTracer("tavola-consumer").spanBuilder(name)
                .setParent(extract(headers)).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "rabbitmq").startSpan();
    }

    static void end(List<Span> spans, Throwable failure) {
        for (Span span : spans) {
            if (failure != null) {
                span.setStatus(StatusCode.ERROR, failure.toString());
            }
            span.end();
        }
    }
}
