package io.tavola.orders.order;

/** A CDI event fired after an order's transaction committed (not for a replayed request). */
public record OrderPlaced(OrderView order) {}
