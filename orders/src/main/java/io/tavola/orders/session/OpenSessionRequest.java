package io.tavola.orders.session;

import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * Opening or joining a table's session. Guests need no body (their token names the table) and may give
 * the first name the others at the table see ({@code diner_name}, tab.DinerName's rules); a waiter names
 * the table, a master admin also the restaurant.
 */
public record OpenSessionRequest(UUID restaurantId, UUID tableId, @Size(max = 100) String tableLabel,
        String dinerName) {}
