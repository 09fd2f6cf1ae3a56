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
 * A table session's phones (and staff watching it): the session with its orders, then that session's
 * order and session events and its restaurant's menu changes. The orders service's answer to the
 * snapshot request decides access: 403/404 closes the connection with 1008 (policy violation).
 */
@WebSocket(path = "/ws/sessions/{sessionId}", endpointId = SessionSocket.ID)
public class SessionSocket {

    static final String ID = "session";

    private final LiveHub hub;

    SessionSocket(LiveHub hub) {
        this.hub = hub;
    }

    @OnOpen
    Uni<Void> open(WebSocketConnection connection) {
        return hub.open(LiveSubscriber.session(connection, connection.pathParam("sessionId"),
                connection.userData().get(LiveAccess.RESTAURANT), connection.userData().get(LiveAccess.AUTHORIZATION),
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
