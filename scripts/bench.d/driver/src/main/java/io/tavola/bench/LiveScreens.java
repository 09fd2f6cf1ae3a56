package io.tavola.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The kitchen screens and diners' session screens, connected to the gateway's live sockets
 * (gateway/README.md, "Live updates"): each frame is timestamped as it arrives and matched with the
 * order the driver placed, so the report can say how long an order took to reach each screen and
 * whether any was lost or came twice.
 */
final class LiveScreens {

    private final WebSocketClient client;
    private final String host;
    private final int port;
    private final Timeline timeline;
    final Map<String, OrderTrack> orders = new HashMap<>();

    /** Scheduled time of the POST → the kitchen's frame; the 201 → the kitchen's frame; the same for sessions. */
    final Histogram placedToKitchen = new Histogram(1, 120_000_000, 3);
    final Histogram answerToKitchen = new Histogram(1, 120_000_000, 3);
    final Histogram placedToSession = new Histogram(1, 120_000_000, 3);
    /** Per step the orders were placed in: scheduled POST → kitchen frame, and → session frame. */
    final Map<String, Histogram[]> byStep = new java.util.LinkedHashMap<>();
    long kitchenBeforeAnswer;
    int kitchensConnected;
    int sessionsConnected;
    /** Screens connected and not closed since. */
    int kitchensOpen;
    int sessionsOpen;
    long frames;
    long heartbeats;
    long resyncs;
    long gaps;
    long stale;
    long feedDown;
    long unknownOrders;
    final Map<String, Long> closes = new TreeMap<>();
    private boolean finished;

    LiveScreens(Vertx vertx, String gatewayUrl, Timeline timeline) {
        URI uri = URI.create(gatewayUrl);
        this.host = uri.getHost();
        this.port = uri.getPort();
        this.timeline = timeline;
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxFrameSize(4 * 1024 * 1024).setMaxMessageSize(16 * 1024 * 1024)
                .setConnectTimeout(10_000).setMaxConnections(10_000));
    }

    /** A kitchen screen of the restaurant; completes with 200 once its first snapshot arrived. */
    Future<Integer> kitchen(String restaurantId, String token) {
        return connect("/ws/kitchen/" + restaurantId, token, true);
    }

    /** A diner's session screen; completes with 200 once its first snapshot arrived. */
    Future<Integer> session(String sessionId, String token) {
        return connect("/ws/sessions/" + sessionId, token, false);
    }

    private Future<Integer> connect(String path, String token, boolean kitchen) {
        Promise<Integer> ready = Promise.promise();
        long[] lastSequence = {-1};
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(host).setPort(port).setURI(path)
                // the header form of the gateway's bearer-token auth (browsers offer it as a subprotocol)
                .addHeader("Authorization", "Bearer " + token);
        client.connect(options).onFailure(e -> ready.tryComplete(Operation.Outcome.of(e))).onSuccess(ws -> {
            ws.textMessageHandler(text -> onFrame(ws, text, kitchen, lastSequence, ready));
            ws.closeHandler(v -> {
                if (ready.future().isComplete() && ready.future().result() == 200) {
                    if (kitchen) {
                        kitchensOpen--;
                    } else {
                        sessionsOpen--;
                    }
                }
                if (!finished) {
                    closes.merge((kitchen ? "kitchen " : "session ") + ws.closeStatusCode() + " " + ws.closeReason(), 1L,
                            Long::sum);
                }
                ready.tryComplete(ws.closeStatusCode() == null ? Operation.Outcome.CONNECTION : (int) ws.closeStatusCode());
            });
        });
        return ready.future();
    }

    private void onFrame(WebSocket ws, String text, boolean kitchen, long[] lastSequence, Promise<Integer> ready) {
        long now = System.nanoTime();
        frames++;
        JsonObject frame = new JsonObject(text);
        switch (frame.getString("kind", "")) {
            case "snapshot" -> {
                JsonObject sequences = frame.getJsonObject("sequences");
                long orders = sequences == null ? 0 : sequences.getLong("orders", 0L);
                if (!ready.future().isComplete()) {
                    // counted before completing: completion runs the setup's next step at once
                    if (kitchen) {
                        kitchensConnected++;
                        kitchensOpen++;
                    } else {
                        sessionsConnected++;
                        sessionsOpen++;
                    }
                    ready.complete(200);
                } else {
                    resyncs++;
                }
                lastSequence[0] = Math.max(lastSequence[0], orders);
            }
            case "event" -> onEvent(frame.getJsonObject("event"), kitchen, lastSequence, now);
            case "heartbeat" -> heartbeats++;
            case "feed" -> feedDown++;
            default -> { }
        }
    }

    private void onEvent(JsonObject event, boolean kitchen, long[] lastSequence, long now) {
        if (event == null) {
            return;
        }
        if (kitchen) {
            timeline.kitchenEvent();
        } else {
            timeline.sessionEvent();
        }
        // a kitchen hears every event of its restaurant's orders stream: a jump is a gap (sessions see only theirs)
        if (kitchen && "orders".equals(event.getString("stream"))) {
            long sequence = event.getLong("sequence", -1L);
            if (sequence <= lastSequence[0]) {
                stale++;
                return;
            }
            if (lastSequence[0] >= 0 && sequence > lastSequence[0] + 1) {
                gaps++;
            }
            lastSequence[0] = sequence;
        }
        String type = event.getString("type", "");
        JsonObject data = event.getJsonObject("data");
        if (data == null || !type.startsWith("order.")) {
            return;
        }
        String note = data.getString("note");
        OrderTrack track = note == null ? null : orders.get(note);
        if (track == null) {
            unknownOrders++;
            return;
        }
        if (type.equals("order.created")) {
            if (kitchen) {
                if (track.kitchenCreated++ == 0) {
                    record(placedToKitchen, now - track.scheduledNanos);
                    record(stepHistograms(track.step)[0], now - track.scheduledNanos);
                    if (track.answeredNanos > 0) {
                        record(answerToKitchen, now - track.answeredNanos);
                    } else {
                        kitchenBeforeAnswer++;
                    }
                }
            } else if (track.sessionCreated++ == 0) {
                record(placedToSession, now - track.scheduledNanos);
                record(stepHistograms(track.step)[1], now - track.scheduledNanos);
            }
        } else if (type.equals("order.status_changed") && kitchen) {
            int index = OrderTrack.statusIndex(data.getString("status", ""));
            if (index >= 0) {
                track.kitchenStatus[index]++;
            }
        }
    }

    private Histogram[] stepHistograms(String step) {
        return byStep.computeIfAbsent(step, k -> new Histogram[] {new Histogram(1, 120_000_000, 3),
                new Histogram(1, 120_000_000, 3)});
    }

    private static void record(Histogram h, long nanos) {
        h.recordValue(Math.max(1, Math.min(h.getHighestTrackableValue(), nanos / 1000)));
    }

    /** What has not arrived yet of what should have. */
    long missing() {
        long missing = 0;
        for (OrderTrack t : orders.values()) {
            if (t.placed && t.kitchenCreated == 0) {
                missing++;
            }
            if (t.placed && t.sessionWatched && t.sessionCreated == 0) {
                missing++;
            }
            for (int i = 0; i < 2; i++) {
                if (t.statusAccepted[i] && t.kitchenStatus[i] == 0) {
                    missing++;
                }
            }
        }
        return missing;
    }

    /** Ends the accounting: closes the sockets quietly and says what arrived. */
    JsonObject finish(int kitchens, int sessions) {
        finished = true;
        long placed = 0;
        long kitchenReceived = 0;
        long kitchenLost = 0;
        long kitchenDuplicated = 0;
        long sessionExpected = 0;
        long sessionReceived = 0;
        long sessionLost = 0;
        long sessionDuplicated = 0;
        long statusExpected = 0;
        long statusReceived = 0;
        long statusLost = 0;
        long statusDuplicated = 0;
        long unexpected = 0;
        for (OrderTrack t : orders.values()) {
            if (!t.placed) {
                if (t.kitchenCreated > 0) {
                    unexpected++; // committed, though its client saw no 201 (a timeout)
                }
                continue;
            }
            placed++;
            kitchenReceived += Math.min(1, t.kitchenCreated);
            kitchenLost += t.kitchenCreated == 0 ? 1 : 0;
            kitchenDuplicated += Math.max(0, t.kitchenCreated - 1);
            if (t.sessionWatched) {
                sessionExpected++;
                sessionReceived += Math.min(1, t.sessionCreated);
                sessionLost += t.sessionCreated == 0 ? 1 : 0;
                sessionDuplicated += Math.max(0, t.sessionCreated - 1);
            }
            for (int i = 0; i < 2; i++) {
                if (t.statusAccepted[i]) {
                    statusExpected++;
                    statusReceived += Math.min(1, t.kitchenStatus[i]);
                    statusLost += t.kitchenStatus[i] == 0 ? 1 : 0;
                    statusDuplicated += Math.max(0, t.kitchenStatus[i] - 1);
                }
            }
        }
        JsonObject steps = new JsonObject();
        byStep.forEach((step, h) -> steps.put(step, new JsonObject().put("kitchen", histogram(h[0]))
                .put("session", histogram(h[1]))));
        JsonObject closed = new JsonObject();
        closes.forEach(closed::put);
        client.close();
        return new JsonObject()
                .put("kitchen_sockets_wanted", kitchens).put("kitchen_sockets", kitchensConnected)
                .put("session_sockets_wanted", sessions).put("session_sockets", sessionsConnected)
                .put("kitchen_sockets_open_at_end", kitchensOpen).put("session_sockets_open_at_end", sessionsOpen)
                .put("orders_placed", placed)
                .put("kitchen_created_received", kitchenReceived).put("kitchen_created_lost", kitchenLost)
                .put("kitchen_created_duplicated", kitchenDuplicated)
                .put("kitchen_status_expected", statusExpected).put("kitchen_status_received", statusReceived)
                .put("kitchen_status_lost", statusLost).put("kitchen_status_duplicated", statusDuplicated)
                .put("session_created_expected", sessionExpected).put("session_created_received", sessionReceived)
                .put("session_created_lost", sessionLost).put("session_created_duplicated", sessionDuplicated)
                .put("received_without_201", unexpected)
                .put("placed_to_kitchen", histogram(placedToKitchen))
                .put("answer_to_kitchen", histogram(answerToKitchen))
                .put("kitchen_before_answer", kitchenBeforeAnswer)
                .put("placed_to_session", histogram(placedToSession))
                .put("by_step", steps)
                .put("frames", frames).put("heartbeats", heartbeats).put("resyncs", resyncs).put("gaps", gaps)
                .put("stale", stale).put("feed_down", feedDown).put("unknown_orders", unknownOrders)
                .put("closed_unexpectedly", closed);
    }

    static JsonObject histogram(Histogram h) {
        boolean empty = h.getTotalCount() == 0;
        return new JsonObject().put("count", h.getTotalCount())
                .put("p50_ms", empty ? 0 : StepStats.round(h.getValueAtPercentile(50) / 1000.0, 2))
                .put("p95_ms", empty ? 0 : StepStats.round(h.getValueAtPercentile(95) / 1000.0, 2))
                .put("p99_ms", empty ? 0 : StepStats.round(h.getValueAtPercentile(99) / 1000.0, 2))
                .put("max_ms", empty ? 0 : StepStats.round(h.getMaxValue() / 1000.0, 2));
    }
}
