package io.tavola.gateway.ratelimit;

import io.tavola.common.security.Caller;
import io.tavola.common.security.Role;
import io.tavola.gateway.security.EdgeTokens.TokenCheck;

/** A named budget: {@code limit} requests per {@code periodSeconds}, counted per caller. */
public record RatePolicy(String name, int limit, int periodSeconds) {

    /** A policy and whose budget of it a request spends ({@code subject} is part of the Redis key). */
    public record Budget(RatePolicy policy, String subject) {}

    /**
     * Which budget a request spends. Signing in and minting guest tokens count per client address, token
     * or not, so fresh tokens never buy fresh budgets; a guest's calls count per table (restaurant and
     * table from the verified token), not per token, since anyone at the table can mint as many as the
     * mint budget allows (issue 12, fault 8); other signed-in callers per user, anonymous ones per address.
     */
    public static Budget forRequest(RateLimitConfig config, String method, String path, TokenCheck check,
            String address) {
        String byAddress = "addr:" + address;
        if ("POST".equals(method) && path.equals("/api/v1/auth/login")) {
            return new Budget(new RatePolicy("login", config.loginRequests(), config.loginPeriod()), byAddress);
        }
        if ("POST".equals(method) && path.equals("/api/v1/auth/guest")) {
            return new Budget(new RatePolicy("guest", config.guestRequests(), config.guestPeriod()), byAddress);
        }
        RatePolicy api = new RatePolicy("api", config.requests(), config.period());
        if (!check.valid()) {
            return new Budget(api, byAddress);
        }
        String restaurant = check.claim(Caller.RESTAURANT_CLAIM);
        String table = check.claim(Caller.TABLE_CLAIM);
        if (Role.GUEST.wire().equals(check.role()) && restaurant != null && table != null) {
            return new Budget(new RatePolicy("table", config.tableRequests(), config.tablePeriod()),
                    "table:" + restaurant + ":" + table);
        }
        String subject = check.token().getSubject();
        return new Budget(api, subject == null ? byAddress : "user:" + subject);
    }
}
