package io.tavola.orders.session;

/** A diner's own place at the table: {@code name} is the first name the others see (null: none). */
public record DinerRequest(String name) {}
