package io.tavola.gateway.live;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;

/**
 * A kitchen screen: staff of the restaurant (or a master) get the active orders, then every order,
 * session and menu event of that restaurant. Access is checked at the upgrade ({@link LiveAccess}).
 */
@WebSocket(path = "/ws/kitchen/{restaurantId}", endpointId = KitchenSocket.ID)
public class KitchenSocket {

    static final String ID = "kitchen";

    private final LiveHub hub;

    KitchenSocket(LiveHub hub) {
        this.hub = hub;
    }

    @OnOpen
    Uni<Void> open(WebSocketConnection connection) {
        return hub.open(LiveSubscriber.kitchen(connection, connection.pathParam("restaurantId"),
                connection.userData().get(LiveAccess.AUTHORIZATION),
                Boolean.TRUE.equals(connection.userData().get(LiveAccess.MASTER)))
                .token(connection.userData().get(LiveAccess.TOKEN)));
    }

    /** {@code {"kind": "resync"}}: the client lost track and wants a fresh snapshot. */
    @OnTextMessage
    Uni<Void> message(WebSocketConnection connection, String text) {
        LiveRequests.handle(hub, connection, text);
        return Uni.createFrom().voidItem();
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
