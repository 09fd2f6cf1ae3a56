package io.tavola.gateway.live;

import io.smallrye.mutiny.Uni;
import io.tavola.common.event.EventEnvelope;
import io.tavola.gateway.routing.ApiRoute;
import io.tavola.gateway.routing.Service;
import io.tavola.gateway.routing.Upstreams;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * What a live client sees first and at every resync, fetched from the orders service with the client's
 * own token, so the orders service decides what that client may see (DESIGN.md permission matrix). The
 * orders service says which sequence of its stream the snapshot is current to ({@code Event-Sequence}).
 */
@ApplicationScoped
public class Snapshots {

    /** The stream whose state the snapshots show: the orders service's. */
    static final String STREAM = "orders";

    private final Upstreams upstreams;
    private final int kitchenSize;

    Snapshots(Upstreams upstreams, LiveConfig config) {
        this.upstreams = upstreams;
        this.kitchenSize = config.snapshotSize();
    }

    /** The subscriber's snapshot: the kitchen board, or its session with its orders. */
    Uni<Fetched> fetch(LiveSubscriber subscriber) {
        if (subscriber.scope() == LiveSubscriber.Scope.KITCHEN) {
            return kitchen(subscriber.authorization(), subscriber.restaurantId(), subscriber.master());
        }
        return session(subscriber.authorization(), subscriber.sessionId());
    }

    /** The kitchen board: active orders, oldest first. A master names the restaurant explicitly. */
    private Uni<Fetched> kitchen(String authorization, String restaurantId, boolean master) {
        String uri = "/api/v1/orders?active=true&size=" + kitchenSize + (master ? "&restaurant_id=" + restaurantId : "");
        return get(authorization, uri).map(fetched -> fetched.outcome() != Outcome.OK ? fetched
                : fetched.withFrame(new JsonObject().put("kind", "snapshot").put("scope", "kitchen")
                        .put("restaurant_id", restaurantId)
                        .put("orders", fetched.body().getJsonArray("items", new JsonArray())), restaurantId));
    }

    /** The session with its orders; a 403/404 here also means the client may not watch it. */
    private Uni<Fetched> session(String authorization, String sessionId) {
        return get(authorization, "/api/v1/sessions/" + sessionId).map(fetched -> fetched.outcome() != Outcome.OK
                ? fetched
                : fetched.withFrame(new JsonObject().put("kind", "snapshot").put("scope", "session")
                        .put("session", fetched.body()), fetched.body().getString("restaurant_id")));
    }

    private Uni<Fetched> get(String authorization, String uri) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .set("Authorization", authorization)
                .set("Accept", "application/json")
                .set(ApiRoute.REQUEST_ID, UUID.randomUUID().toString());
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setURI(uri).setHeaders(headers);
        return upstreams.exchange(Service.ORDERS, options)
                .chain(response -> {
                    io.vertx.core.http.HttpClientResponse raw = response.getDelegate();
                    Future<Buffer> body = raw.body();
                    raw.resume();
                    String sequence = response.getHeader(EventEnvelope.SNAPSHOT_SEQUENCE_HEADER);
                    return Uni.createFrom().completionStage(body.toCompletionStage())
                            .map(buffer -> Fetched.of(response.statusCode(), buffer, sequence));
                })
                .onFailure().recoverWithItem(failure -> Fetched.failed(Outcome.UNAVAILABLE));
    }

    enum Outcome { OK, DENIED, UNAVAILABLE }

    /**
     * The orders service's answer: with {@code frame} (the snapshot frame without its sequences), the
     * restaurant it is of and the sequence of {@link #STREAM} it is current to (null when not said).
     */
    record Fetched(Outcome outcome, JsonObject body, Long sequence, JsonObject frame, String restaurantId) {

        static Fetched failed(Outcome outcome) {
            return new Fetched(outcome, null, null, null, null);
        }

        static Fetched of(int status, Buffer body, String sequence) {
            if (status == 200) {
                try {
                    return new Fetched(Outcome.OK, body.toJsonObject(), sequence == null ? null : Long.valueOf(sequence),
                            null, null);
                } catch (RuntimeException e) {
                    return failed(Outcome.UNAVAILABLE);
                }
            }
            if (status == 401 || status == 403 || status == 404) {
                return failed(Outcome.DENIED);
            }
            return failed(Outcome.UNAVAILABLE);
        }

        Fetched withFrame(JsonObject snapshotFrame, String restaurant) {
            return new Fetched(outcome, body, sequence, snapshotFrame, restaurant);
        }
    }
}
