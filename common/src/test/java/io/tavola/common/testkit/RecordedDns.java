package io.tavola.common.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;

/**
 * A test resource: every lookup the service's Vert.x makes goes to a {@link DnsRecorder}, whose names a
 * test reads with {@link #names()} (auth's and the gateway's TrustedProxiesTest).
 */
public class RecordedDns implements QuarkusTestResourceLifecycleManager {

    private static volatile DnsRecorder dns;
    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        dns = DnsRecorder.start(vertx);
        return Map.of("quarkus.vertx.resolver.servers", dns.address());
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }

    /** Every name asked for so far, in order. */
    public static List<String> names() {
        return dns.names();
    }
}
