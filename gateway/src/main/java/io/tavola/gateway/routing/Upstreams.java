package io.tavola.gateway.routing;

import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientRequest;
import io.vertx.mutiny.core.http.HttpClientResponse;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One HTTP client and one circuit breaker per service. Only transport failures (refused connection,
 * timeout) count against the breaker: an error status is a valid answer and passes through.
 */
@ApplicationScoped
public class Upstreams {

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
                    .done()
                    .build();
            targets.put(service, new Target(vertx.createHttpClient(options), guard, url.getHost(),
                    config.responseTimeout().toMillis()));
        }
    }

    /**
     * Opens a request to the service and lets {@code send} write it. The response comes back paused, so
     * not a byte of its body is lost before the caller pipes it somewhere.
     */
    public Uni<HttpClientResponse> exchange(Service service, RequestOptions options,
            Function<HttpClientRequest, Uni<HttpClientResponse>> send) {
        Target target = targets.get(service);
        options.setIdleTimeout(target.responseTimeoutMillis);
        return target.guard.get(() -> target.client.request(options)
                .chain(request -> send.apply(request))
                .invoke(HttpClientResponse::pause), RESPONSE);
    }

    @PreDestroy
    void close() {
        targets.values().forEach(t -> t.client.closeAndForget());
    }

    private record Target(HttpClient client, Guard guard, String host, long responseTimeoutMillis) {}
}
