package io.tavola.gateway.routing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tavola.gateway.ratelimit.RateDecision;
import io.tavola.gateway.ratelimit.RateLimitConfig;
import io.tavola.gateway.ratelimit.RateLimiter;
import io.tavola.gateway.ratelimit.RatePolicy;
import io.tavola.gateway.security.EdgeTokens;
import io.tavola.gateway.security.EdgeTokens.TokenCheck;
import io.tavola.gateway.security.PublicRoutes;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Everything under {@code /api}: request id, rate limit, token check, then the proxy. Unknown API paths
 * get a 404 problem here; nothing under {@code /api} reaches another handler.
 */
@ApplicationScoped
public class ApiRoute {

    public static final String REQUEST_ID = "X-Request-Id";
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final EdgeTokens tokens;
    private final RateLimiter limiter;
    private final RateLimitConfig limits;
    private final ServiceProxy proxy;
    private final EdgeProblems problems;

    ApiRoute(EdgeTokens tokens, RateLimiter limiter, RateLimitConfig limits, ServiceProxy proxy,
            EdgeProblems problems) {
        this.tokens = tokens;
        this.limiter = limiter;
        this.limits = limits;
        this.proxy = proxy;
        this.problems = problems;
    }

    /** {@code tavola_rate_limit_rejections_total}, tagged by budget (login, guest, api, table): a bounded set. */
    @Inject
    MeterRegistry registry;

    void register(@Observes Router router) {
        for (String budget : new String[] {"login", "guest", "api", "table"}) {
            rejections(budget);
        }
        router.route("/api/*").handler(this::handle);
    }

    void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        // nothing of the body may be read before the service's connection is ready to take it
        request.pause();
        String requestId = requestId(request.getHeader(REQUEST_ID));
        rc.response().putHeader(REQUEST_ID, requestId);
        MDC.put("requestId", requestId); // every log line of this request carries it

        String path = rc.normalizedPath();
        String method = request.method().name();
        Service service = Service.forPath(path).orElse(null);
        if (service == null) {
            problems.send(rc, 404, "not-found", "Not found", "No API at " + path);
            return;
        }
        boolean isPublic = PublicRoutes.isPublic(method, path);
        String address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        tokens.check(request.getHeader("Authorization"))
                .chain(check -> {
                    RatePolicy.Budget budget = RatePolicy.forRequest(limits, method, path, check, address);
                    return limiter.hit(budget.policy(), budget.subject())
                            .map(decision -> new Verdict(check, budget.policy().name(), decision));
                })
                .subscribe().with(verdict -> {
                    Map<String, String> rateHeaders = verdict.decision.headers();
                    rateHeaders.forEach(rc.response()::putHeader);
                    if (!verdict.decision.allowed()) {
                        rejections(verdict.budget).increment();
                        problems.send(rc, 429, "too-many-requests", "Too many requests",
                                "Request budget spent; retry after " + verdict.decision.resetSeconds() + " s");
                    } else if (!isPublic && !verdict.check.valid()) {
                        problems.send(rc, 401, "unauthorized", "Unauthorized", "A valid access token is required",
                                Map.of("WWW-Authenticate", "Bearer"));
                    } else {
                        proxy.forward(rc, service, requestId);
                    }
                }, rc::fail);
    }

    private Counter rejections(String budget) {
        return registry.counter("tavola.rate.limit.rejections", "policy", budget);
    }

    static String requestId(String fromCaller) {
        return fromCaller != null && SAFE_REQUEST_ID.matcher(fromCaller).matches() ? fromCaller
                : UUID.randomUUID().toString();
    }

    private record Verdict(TokenCheck check, String budget, RateDecision decision) {}
}
