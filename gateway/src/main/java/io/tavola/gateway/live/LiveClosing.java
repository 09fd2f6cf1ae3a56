package io.tavola.gateway.live;

import io.quarkus.websockets.next.CloseReason;

/** How a live connection ends when its snapshot cannot be had. */
final class LiveClosing {

    static final int POLICY_VIOLATION = 1008;
    static final int TRY_AGAIN_LATER = 1013;

    private LiveClosing() {}

    static void refuse(LiveHub hub, LiveSubscriber subscriber, Snapshots.Outcome outcome) {
        hub.leave(subscriber.id());
        subscriber.close(outcome == Snapshots.Outcome.DENIED
                ? new CloseReason(POLICY_VIOLATION, "not allowed to watch this")
                : new CloseReason(TRY_AGAIN_LATER, "orders service unavailable; reconnect shortly"));
    }
}
