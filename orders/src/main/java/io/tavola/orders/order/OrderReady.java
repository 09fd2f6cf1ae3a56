package io.tavola.orders.order;

/** A CDI event fired after an order's move to READY committed. */
public record OrderReady(OrderView order) {}
