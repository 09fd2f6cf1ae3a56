package io.tavola.gateway.routing;

import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * One HTTP client and one circuit breaker per service. Only transport failures (refused connection,
 * timeout) count against the breaker: an error status is a valid answer and passes through, and a
 * {@link ClientFault} (a body over the limit, a client gone mid-upload) is the caller's doing, not the
 * service's.
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
                    .setMaxPoolSize(config.pool().maxSize())
                    .setMaxWaitQueueSize(config.pool().maxWaiting())
                    .setKeepAlive(true)
                    .setName("upstream-" + service.key());
            Guard guard = Guard.create()
                    .withDescription("upstream " + service.key())
                    .withCircuitBreaker()
                    .name("upstream-" + service.key())
                    .requestVolumeThreshold(config.breaker().window())
                    .failureRatio(config.breaker().failureRatio())
                    .delay(config.breaker().delay().toMillis(), ChronoUnit.MILLIS)
                    .skipOn(List.of(ClientFault.class, ServiceBusy.class))
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
                    config.responseTimeout().toMillis(), config.pool().waitTimeout().toMillis()));
        }
    }

    /** A call without a body (the gateway's own reads: snapshots, OpenAPI documents). */
    public Uni<HttpClientResponse> exchange(Service service, RequestOptions options) {
        return exchange(service, options, null, 0);
    }

    /**
     * Sends a request to the service, streaming {@code body} (null when there is none) up to
     * {@code bodyLimit} bytes. The response comes back paused, so not a byte of it is lost before the
     * caller pipes it somewhere. A body past the limit cuts the call short with
     * {@link ClientFault#bodyTooLarge}; a client that goes away mid-body with {@link ClientFault#aborted}.
     *
     * <p>The response timeout only starts once the whole body is sent: a slow upload is not a slow
     * service.
     */
    public Uni<HttpClientResponse> exchange(Service service, RequestOptions options, HttpServerRequest body,
            long bodyLimit) {
        Target target = targets.get(service);
        if (body == null) {
            options.setIdleTimeout(target.responseTimeoutMillis);
        }
        // a pooled client's "connect" timeout is the wait for a connection: a free one or a new one
        options.setConnectTimeout(target.poolWaitMillis);
        return target.guard.get(() -> target.client.request(options)
                .onFailure(ConnectionPoolTooBusyException.class).transform(ServiceBusy::queueFull)
                .onFailure(TimeoutException.class).transform(ServiceBusy::waitedTooLong)
                .chain(request -> body == null ? request.send()
                        : new BodyPump(body, request.getDelegate(), bodyLimit, target.responseTimeoutMillis).start(request))
                .invoke(HttpClientResponse::pause), RESPONSE);
    }

    /** A Location the service built from its own address, pointed at the gateway instead. */
    public String publicLocation(Service service, String location, String gatewayOrigin) {
        String origin = targets.get(service).origin;
        return location != null && location.startsWith(origin + "/") ? gatewayOrigin + location.substring(origin.length())
                : location;
    }

    /**
     * Copies the client's body to the service with back-pressure, counting: past the limit the service's
     * request is reset and the rest of the client's body thrown away (the caller answers 413). Whatever
     * the service's side then reports, the call fails with the client's fault.
     */
    private static final class BodyPump {
        private final HttpServerRequest in;
        private final io.vertx.core.http.HttpClientRequest out;
        private final long limit;
        private final long timeout;
        private long sent;
        private volatile ClientFault fault;

        BodyPump(HttpServerRequest in, io.vertx.core.http.HttpClientRequest out, long limit, long timeout) {
            this.in = in;
            this.out = out;
            this.limit = limit;
            this.timeout = timeout;
        }

        Uni<HttpClientResponse> start(HttpClientRequest request) {
            if (!out.headers().contains("Content-Length")) {
                out.setChunked(true);
            }
            Uni<HttpClientResponse> response = request.response()
                    .onFailure().transform(failure -> fault != null ? fault : failure);
            // a failure of the service's request reaches the caller through the response; unhandled, Vert.x
            // would log every client that goes away at ERROR
            out.exceptionHandler(failure -> LOG.debugf("request to the service cut short: %s", failure.toString()));
            if (in.response().closed()) {
                // The client left while this call waited (token check, rate limit, a free connection): its
                // close was told before anyone listened, so no end or failure of its body will ever come, and
                // the service's connection would wait for the rest of the body forever (issue 15).
                cut(ClientFault.aborted());
                return response;
            }
            in.handler(this::chunk);
            in.endHandler(done -> {
                if (fault == null) {
                    // Not once the answer is in (a service may answer before reading the whole body, or answer
                    // before this write is reported done): Vert.x cancels the timeout only when an answer
                    // arrives, so armed after it, it would fire later and close the connection under whichever
                    // call the pool had given it to next (a 503 "unavailable" for a healthy service).
                    out.end().onSuccess(ended -> {
                        if (!out.response().isComplete()) {
                            out.idleTimeout(timeout);
                        }
                    });
                }
            });
            in.exceptionHandler(failure -> cut(ClientFault.aborted()));
            in.resume();
            return response;
        }

        private void chunk(io.vertx.core.buffer.Buffer chunk) {
            if (fault != null) {
                return; // thrown away: the client hears 413 once it has finished sending
            }
            sent += chunk.length();
            if (sent > limit) {
                cut(ClientFault.bodyTooLarge(limit));
                return;
            }
            out.write(chunk);
            if (out.writeQueueFull()) {
                in.pause();
                out.drainHandler(drained -> in.resume());
            }
        }

        private void cut(ClientFault why) {
            if (fault == null) {
                fault = why;
                out.drainHandler(null);
                in.resume();
                out.reset(0, why);
            }
        }
    }

    @PreDestroy
    void close() {
        targets.values().forEach(t -> t.client.closeAndForget());
    }

    private record Target(HttpClient client, Guard guard, String origin, long responseTimeoutMillis,
            long poolWaitMillis) {}
}
