package io.tavola.common.event;

/**
 * The streams of events: each is one service's outbox and the topic exchange its relay publishes to,
 * and every event of a stream is numbered per restaurant ({@code sequence}, see {@link EventEnvelope}).
 */
public enum EventStream {
    ORDERS("orders", "orders"),
    MENU("menu", "restaurant"),
    FEEDBACK("feedback", "customers");

    private final String wire;
    private final String producer;

    EventStream(String wire, String producer) {
        this.wire = wire;
        this.producer = producer;
    }

    /** The stream's name in an envelope, and the name of its exchange. */
    public String wire() {
        return wire;
    }

    /** The service whose outbox writes the stream. */
    public String producer() {
        return producer;
    }
}
