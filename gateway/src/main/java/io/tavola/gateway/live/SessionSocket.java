package io.tavola.gateway.live;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * A table session's phones (and staff watching it): the session with its orders, then that session's
 * order and session events and its restaurant's menu changes. The orders service's answer to the
 * snapshot request decides access: 403/404 closes the connection with 1008 (policy violation).
 */
@WebSocket(path = "/ws/sessions/{sessionId}", endpointId = SessionSocket.ID)
public class SessionSocket {

    static final String ID = "session";

    private final LiveHub hub;
    private final Snapshots snapshots;

    SessionSocket(LiveHub hub, Snapshots snapshots) {
        this.hub = hub;
        this.snapshots = snapshots;
    }

    @OnOpen
    Uni<Void> open(WebSocketConnection connection) {
        String sessionId = connection.pathParam("sessionId");
        LiveSubscriber subscriber = LiveSubscriber.session(connection, sessionId,
                connection.userData().get(LiveAccess.RESTAURANT));
        hub.join(subscriber);
        return snapshots.session(connection.userData().get(LiveAccess.AUTHORIZATION), sessionId).map(fetched -> {
            if (fetched.outcome() != Snapshots.Outcome.OK) {
                LiveClosing.refuse(hub, subscriber, fetched.outcome());
                return null;
            }
            JsonObject session = fetched.body();
            if (session.getString("restaurant_id") != null) {
                subscriber.restaurantId(session.getString("restaurant_id"));
            }
            subscriber.goLive(new JsonObject().put("kind", "snapshot").put("scope", "session")
                    .put("session", session).encode());
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
