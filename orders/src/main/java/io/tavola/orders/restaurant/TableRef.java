package io.tavola.orders.restaurant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/** What this service needs of the restaurant service's table view; its other fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TableRef(UUID id, UUID restaurantId, String label) {}
