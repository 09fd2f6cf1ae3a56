package io.tavola.gateway.live;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A kitchen screen: staff of the restaurant (or a master) get the active orders, then every order,
 * session and menu event of that restaurant. Access is checked at the upgrade ({@link LiveAccess}).
 */
@WebSocket(path = "/ws/kitchen/{restaurantId}", endpointId = KitchenSocket.ID)
public class KitchenSocket {

    static final String ID = "kitchen";

    private final LiveHub hub;
    private final Snapshots snapshots;

    KitchenSocket(LiveHub hub, Snapshots snapshots) {
        this.hub = hub;
        this.snapshots = snapshots;
    }

    @OnOpen
    Uni<Void> open(WebSocketConnection connection) {
        String restaurantId = connection.pathParam("restaurantId");
        LiveSubscriber subscriber = LiveSubscriber.kitchen(connection, restaurantId);
        // subscribe before fetching, so nothing that happens during the fetch is missed
        hub.join(subscriber);
        Boolean master = connection.userData().get(LiveAccess.MASTER);
        return snapshots.kitchen(connection.userData().get(LiveAccess.AUTHORIZATION), restaurantId,
                Boolean.TRUE.equals(master)).map(fetched -> {
                    if (fetched.outcome() != Snapshots.Outcome.OK) {
                        LiveClosing.refuse(hub, subscriber, fetched.outcome());
                        return null;
                    }
                    JsonArray orders = fetched.body().getJsonArray("items", new JsonArray());
                    subscriber.goLive(new JsonObject().put("kind", "snapshot").put("scope", "kitchen")
                            .put("restaurant_id", restaurantId).put("orders", orders).encode());
                    return null;
                });
    }

    @OnPongMessage
    void pong(WebSocketConnection connection, Buffer data) {
        hub.ponged(connection.id());
    }

    @OnClose
    void close(WebSocketConnection connection) {
        hub.leave(connection.id());
    }
}
