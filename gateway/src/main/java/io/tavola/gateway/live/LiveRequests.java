package io.tavola.gateway.live;

import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/** What a client may say on a live connection: only {@code {"kind": "resync"}}; anything else is ignored. */
final class LiveRequests {

    private LiveRequests() {}

    static void handle(LiveHub hub, WebSocketConnection connection, String text) {
        try {
            if ("resync".equals(new JsonObject(text).getString("kind"))) {
                hub.resyncAsked(connection.id());
            }
        } catch (DecodeException | ClassCastException e) {
            // not a request of ours: a client cannot break its connection by talking nonsense
        }
    }
}
