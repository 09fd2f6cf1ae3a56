package io.tavola.gateway.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The verdict on one request. {@code enforced} is false when Redis could not be asked (fail-open): then
 * the request passes and no RateLimit headers are promised.
 */
public record RateDecision(boolean allowed, boolean enforced, int limit, long remaining, long resetSeconds) {

    static RateDecision failOpen() {
        return new RateDecision(true, false, 0, 0, 0);
    }

    /** RateLimit-* (IETF draft) headers, plus Retry-After when refused. */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        if (!enforced) {
            return headers;
        }
        headers.put("RateLimit-Limit", Integer.toString(limit));
        headers.put("RateLimit-Remaining", Long.toString(remaining));
        headers.put("RateLimit-Reset", Long.toString(resetSeconds));
        if (!allowed) {
            headers.put("Retry-After", Long.toString(resetSeconds));
        }
        return headers;
    }
}
