package io.tavola.gateway.ratelimit;

/** A named budget: {@code limit} requests per {@code periodSeconds}, counted per caller. */
public record RatePolicy(String name, int limit, int periodSeconds) {

    /** Which budget a request spends: signing in and minting guest tokens have their own, stricter ones. */
    public static RatePolicy forRequest(RateLimitConfig config, String method, String path) {
        if ("POST".equals(method) && path.equals("/api/v1/auth/login")) {
            return new RatePolicy("login", config.loginRequests(), config.loginPeriod());
        }
        if ("POST".equals(method) && path.equals("/api/v1/auth/guest")) {
            return new RatePolicy("guest", config.guestRequests(), config.guestPeriod());
        }
        return new RatePolicy("api", config.requests(), config.period());
    }
}
