package io.tavola.gateway.live;

import io.smallrye.mutiny.Uni;
import io.tavola.gateway.routing.ApiRoute;
import io.tavola.gateway.routing.Service;
import io.tavola.gateway.routing.Upstreams;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What a live client sees first, fetched from the orders service with the client's own token, so the
 * orders service decides what that client may see (DESIGN.md permission matrix).
 */
@ApplicationScoped
public class Snapshots {

    private final Upstreams upstreams;
    private final int kitchenSize;

    Snapshots(Upstreams upstreams, @ConfigProperty(name = "tavola.live.snapshot-size") int kitchenSize) {
        this.upstreams = upstreams;
        this.kitchenSize = kitchenSize;
    }

    /** The kitchen board: active orders, oldest first. A master names the restaurant explicitly. */
    Uni<Fetched> kitchen(String authorization, String restaurantId, boolean master) {
        String uri = "/api/v1/orders?active=true&size=" + kitchenSize + (master ? "&restaurant_id=" + restaurantId : "");
        return get(authorization, uri);
    }

    /** The session with its orders; a 403/404 here also means the client may not watch it. */
    Uni<Fetched> session(String authorization, String sessionId) {
        return get(authorization, "/api/v1/sessions/" + sessionId);
    }

    private Uni<Fetched> get(String authorization, String uri) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .set("Authorization", authorization)
                .set("Accept", "application/json")
                .set(ApiRoute.REQUEST_ID, UUID.randomUUID().toString());
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setURI(uri).setHeaders(headers);
        return upstreams.exchange(Service.ORDERS, options, null)
                .chain(response -> {
                    io.vertx.core.http.HttpClientResponse raw = response.getDelegate();
                    Future<Buffer> body = raw.body();
                    raw.resume();
                    return Uni.createFrom().completionStage(body.toCompletionStage())
                            .map(buffer -> Fetched.of(response.statusCode(), buffer));
                })
                .onFailure().recoverWithItem(failure -> new Fetched(Outcome.UNAVAILABLE, null));
    }

    enum Outcome { OK, DENIED, UNAVAILABLE }

    record Fetched(Outcome outcome, JsonObject body) {

        static Fetched of(int status, Buffer body) {
            if (status == 200) {
                try {
                    return new Fetched(Outcome.OK, body.toJsonObject());
                } catch (RuntimeException e) {
                    return new Fetched(Outcome.UNAVAILABLE, null);
                }
            }
            if (status == 401 || status == 403 || status == 404) {
                return new Fetched(Outcome.DENIED, null);
            }
            return new Fetched(Outcome.UNAVAILABLE, null);
        }
    }
}
