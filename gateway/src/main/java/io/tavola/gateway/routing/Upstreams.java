package io.tavola.gateway.routing;

import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientRequest;
import io.vertx.mutiny.core.http.HttpClientResponse;
import io.vertx.mutiny.core.streams.ReadStream;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * One HTTP client and one circuit breaker per service. Only transport failures (refused connection,
 * timeout) count against the breaker: an error status is a valid answer and passes through.
 */
@ApplicationScoped
public class Upstreams {

    private static final Logger LOG = Logger.getLogger(Upstreams.class);
    private static final TypeLiteral<Uni<HttpClientResponse>> RESPONSE = new TypeLiteral<>() {};

    private final Map<Service, Target> targets = new EnumMap<>(Service.class);

    Upstreams(Vertx vertx, UpstreamConfig config) {
        for (Service service : Service.values()) {
            UpstreamConfig.Target target = config.upstream().get(service.key());
            if (target == null) {
                throw new IllegalStateException("tavola.proxy.upstream." + service.key() + ".url is not set");
            }
            URI url = target.url();
            boolean ssl = "https".equalsIgnoreCase(url.getScheme());
            HttpClientOptions options = new HttpClientOptions()
                    .setDefaultHost(url.getHost())
                    .setDefaultPort(url.getPort() > 0 ? url.getPort() : ssl ? 443 : 80)
                    .setSsl(ssl)
                    .setConnectTimeout((int) config.connectTimeout().toMillis())
                    .setMaxPoolSize(64)
                    .setKeepAlive(true)
                    .setName("upstream-" + service.key());
            Guard guard = Guard.create()
                    .withDescription("upstream " + service.key())
                    .withCircuitBreaker()
                    .name("upstream-" + service.key())
                    .requestVolumeThreshold(config.breaker().window())
                    .failureRatio(config.breaker().failureRatio())
                    .delay(config.breaker().delay().toMillis(), ChronoUnit.MILLIS)
                    // once per change, not per request: operators see an outage start and end
                    .onStateChange(state -> {
                        if (state == CircuitBreakerState.CLOSED) {
                            LOG.infof("The %s service answers again", service.key());
                        } else if (state == CircuitBreakerState.OPEN) {
                            LOG.warnf("The %s service is failing: its calls answer 503 for %d ms", service.key(),
                                    config.breaker().delay().toMillis());
                        }
                    })
                    .done()
                    .build();
            String origin = url.getScheme() + "://" + url.getAuthority();
            targets.put(service, new Target(vertx.createHttpClient(options), guard, origin,
                    config.responseTimeout().toMillis()));
        }
    }

    /**
     * Sends a request to the service, streaming {@code body} (null when there is none). The response
     * comes back paused, so not a byte of it is lost before the caller pipes it somewhere.
     *
     * <p>The response timeout only starts once the whole body is sent: a slow upload is not a slow
     * service.
     */
    public Uni<HttpClientResponse> exchange(Service service, RequestOptions options, ReadStream<Buffer> body) {
        Target target = targets.get(service);
        if (body == null) {
            options.setIdleTimeout(target.responseTimeoutMillis);
        }
        return target.guard.get(() -> target.client.request(options)
                .chain(request -> body == null ? request.send() : stream(request, body, target.responseTimeoutMillis))
                .invoke(HttpClientResponse::pause), RESPONSE);
    }

    /** A Location the service built from its own address, pointed at the gateway instead. */
    public String publicLocation(Service service, String location, String gatewayOrigin) {
        String origin = targets.get(service).origin;
        return location != null && location.startsWith(origin + "/") ? gatewayOrigin + location.substring(origin.length())
                : location;
    }

    private static Uni<HttpClientResponse> stream(HttpClientRequest request, ReadStream<Buffer> body, long timeout) {
        if (!request.headers().contains("Content-Length")) {
            request.setChunked(true);
        }
        Uni<HttpClientResponse> response = request.response();
        body.pipeTo(request).subscribe().with(sent -> request.idleTimeout(timeout), failure -> request.reset());
        return response;
    }

    @PreDestroy
    void close() {
        targets.values().forEach(t -> t.client.closeAndForget());
    }

    private record Target(HttpClient client, Guard guard, String origin, long responseTimeoutMillis) {}
}
