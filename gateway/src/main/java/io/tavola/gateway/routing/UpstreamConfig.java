package io.tavola.gateway.routing;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** Where each service lives and how long the gateway waits for it. */
@ConfigMapping(prefix = "tavola.proxy")
public interface UpstreamConfig {

    /** Keyed by {@link Service#key()}: {@code tavola.proxy.upstream.orders.url}. */
    Map<String, Target> upstream();

    Duration connectTimeout();

    /** How long the service may stay silent before the caller gets a 504. */
    Duration responseTimeout();

    Breaker breaker();

    /** The connections kept to each service. */
    Pool pool();

    /** The largest request bodies passed on (with a length or chunked); larger ones are a 413. */
    BodyLimit bodyLimit();

    interface Target {
        URI url();
    }

    interface BodyLimit {
        /** Every JSON API call. */
        MemorySize json();

        /** Image uploads (logo, menu item picture): above the restaurant service's own 2 MB check. */
        MemorySize upload();

        /** How long an oversized body is read and thrown away (so the client hears its 413) before the connection is cut. */
        Duration drain();
    }

    interface Pool {
        /** Connections to one service at most (per gateway replica). */
        int maxSize();

        /** Calls waiting for a free connection at most; one more is a 503 at once. */
        int maxWaiting();

        /**
         * How long a call waits for a free connection before its caller gets a 504. Keep it above the
         * connect timeout, or a slow connect would pass for a busy service.
         */
        Duration waitTimeout();
    }

    interface Breaker {
        /** Calls in the rolling window the failure ratio is measured over. */
        int window();

        double failureRatio();

        /** How long an open breaker answers 503 before letting a trial call through. */
        Duration delay();
    }
}
