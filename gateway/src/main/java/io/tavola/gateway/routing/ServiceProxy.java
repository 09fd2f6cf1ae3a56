package io.tavola.gateway.routing;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import io.vertx.mutiny.core.http.HttpClientResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Streams a request to its service and the answer back: method, path, query, headers and status pass
 * through unchanged (bodies are never buffered, so image uploads flow through), plus X-Forwarded-* and
 * the request id. A service that cannot be reached or does not answer in time becomes a 503/504 problem.
 */
@ApplicationScoped
public class ServiceProxy {

    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);

    // hop-by-hop headers (RFC 9110 7.6.1) belong to one connection, never forwarded
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host");

    private final Upstreams upstreams;
    private final EdgeProblems problems;
    private final BodyLimits limits;
    private final long drainMillis;

    ServiceProxy(Upstreams upstreams, EdgeProblems problems, UpstreamConfig config) {
        this.upstreams = upstreams;
        this.problems = problems;
        this.limits = new BodyLimits(config.bodyLimit().json().asLongValue(), config.bodyLimit().upload().asLongValue());
        this.drainMillis = config.bodyLimit().drain().toMillis();
    }

    public void forward(RoutingContext rc, Service service, String requestId) {
        HttpServerRequest request = rc.request();
        String query = request.query();
        // the normalized path is the one the route and token decisions were made on
        String uri = rc.normalizedPath() + (query == null || query.isEmpty() ? "" : "?" + query);

        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        Set<String> skip = connectionHeaders(request.headers());
        request.headers().forEach(h -> {
            if (!skip.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                headers.add(h.getKey(), h.getValue());
            }
        });
        headers.set(ApiRoute.REQUEST_ID, requestId);
        // Set, never appended: services (auth's login throttling) read the first X-Forwarded-For entry, so
        // a client-sent one must not survive. Behind a trusted ingress (quarkus.http.proxy.*) Vert.x has
        // already resolved the real client, scheme and host from that ingress's headers.
        if (request.remoteAddress() != null) {
            headers.set("X-Forwarded-For", request.remoteAddress().hostAddress());
        }
        headers.set("X-Forwarded-Proto", request.scheme());
        if (request.authority() != null) {
            headers.set("X-Forwarded-Host", request.authority().toString());
        }

        long limit = limits.forRequest(request.method().name(), rc.normalizedPath());
        if (declaredLength(request) > limit) {
            // announced too large: refused before the service is even asked
            tooLarge(rc, limit);
            return;
        }
        RequestOptions options = new RequestOptions().setMethod(request.method()).setURI(uri).setHeaders(headers);
        upstreams.exchange(service, options, hasBody(request) ? request : null, limit)
                .subscribe().with(answer -> relay(rc, service, answer), failure -> {
                    LOG.debugf("%s %s -> %s failed: %s", request.method(), uri, service.key(), failure.toString());
                    if (failure instanceof ClientFault fault) {
                        clientFault(rc, fault);
                    } else {
                        problems.send(rc, UpstreamFailure.of(service, failure));
                    }
                });
    }

    private void clientFault(RoutingContext rc, ClientFault fault) {
        if (fault.kind() == ClientFault.Kind.BODY_TOO_LARGE) {
            tooLarge(rc, fault.limit());
        } else if (!rc.response().closed() && !rc.response().ended()) {
            rc.response().reset();
        }
    }

    /**
     * 413 problem+json. The rest of the body is read and thrown away so the client, still sending, hears
     * the answer rather than a reset; one that keeps sending past the drain time is cut off.
     */
    private void tooLarge(RoutingContext rc, long limit) {
        HttpServerRequest request = rc.request();
        problems.send(rc, 413, "content-too-large", "Content too large",
                "The request body may be at most " + describe(limit));
        if (!request.isEnded()) {
            long timer = rc.vertx().setTimer(drainMillis, t -> {
                if (!request.isEnded()) {
                    if (request.version() == io.vertx.core.http.HttpVersion.HTTP_2) {
                        request.response().reset();
                    } else {
                        request.connection().close();
                    }
                }
            });
            request.endHandler(ended -> rc.vertx().cancelTimer(timer));
        }
    }

    private static String describe(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
                : bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }

    /** The Content-Length the client announced, -1 for none (chunked, HTTP/2 without one). */
    static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1; // Vert.x itself refuses a malformed length before we get here
        }
    }

    private void relay(RoutingContext rc, Service service, HttpClientResponse answer) {
        HttpServerResponse response = rc.response();
        if (response.closed()) {
            answer.resume();
            return;
        }
        response.setStatusCode(answer.statusCode());
        Set<String> skip = connectionHeaders(answer.headers().getDelegate());
        answer.headers().forEach(h -> {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            // our own request id and CORS answer win over whatever the service says
            if (!skip.contains(name) && !name.equals("x-request-id") && !name.startsWith("access-control-")) {
                response.headers().add(h.getKey(), h.getValue());
            }
        });
        String location = response.headers().get("Location");
        if (location != null) {
            // a service building absolute links from its own address must not send clients around us
            response.headers().set("Location", upstreams.publicLocation(service, location,
                    rc.request().scheme() + "://" + rc.request().authority()));
        }
        boolean bodyless = answer.statusCode() == 204 || answer.statusCode() == 304
                || rc.request().method() == HttpMethod.HEAD;
        if (!bodyless && !answer.headers().contains("Content-Length")) {
            response.setChunked(true);
        }
        answer.pipeTo(io.vertx.mutiny.core.http.HttpServerResponse.newInstance(response)).subscribe().with(
                done -> {
                }, failure -> {
                    // the caller went away or the service broke off mid-answer: the status is already out
                    LOG.debugf("relay of %s cut short: %s", rc.normalizedPath(), failure.toString());
                    if (!response.ended()) {
                        response.reset();
                    }
                });
    }

    /**
     * HTTP/1.1 announces a body with Content-Length or Transfer-Encoding; HTTP/2 may stream one with
     * neither, so a write method without a length is streamed too (at worst as an empty chunked body).
     */
    static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        if (length != null) {
            return !length.trim().equals("0");
        }
        HttpMethod method = request.method();
        return request.headers().contains("Transfer-Encoding")
                || method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
    }

    private static Set<String> connectionHeaders(MultiMap headers) {
        Set<String> names = new HashSet<>(HOP_BY_HOP);
        for (String value : headers.getAll("Connection")) {
            for (String token : value.split(",")) {
                names.add(token.trim().toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }
}
