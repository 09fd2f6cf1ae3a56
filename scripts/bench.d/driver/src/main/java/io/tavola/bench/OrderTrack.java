package io.tavola.bench;

/**
 * One order the driver placed, followed until its events reached the screens. Keyed by the note the
 * driver writes into the order, since a screen may hear of the order before its 201 arrives.
 */
final class OrderTrack {

    final String note;
    /** The step it was placed in ("orders 400/s"), for the per-step delivery latencies. */
    final String step;
    final int restaurant;
    final boolean sessionWatched;
    final long scheduledNanos;
    long answeredNanos;
    boolean placed;
    String orderId;
    String status;
    int kitchenCreated;
    int sessionCreated;
    /** order.status_changed frames at the kitchen, per status reached: PREPARING, READY. */
    final int[] kitchenStatus = new int[2];
    /** Status changes the orders service accepted (200), per status: each one's event is expected. */
    final boolean[] statusAccepted = new boolean[2];

    OrderTrack(String note, String step, int restaurant, boolean sessionWatched, long scheduledNanos) {
        this.note = note;
        this.step = step;
        this.restaurant = restaurant;
        this.sessionWatched = sessionWatched;
        this.scheduledNanos = scheduledNanos;
    }

    static int statusIndex(String status) {
        return switch (status) {
            case "PREPARING" -> 0;
            case "READY" -> 1;
            default -> -1;
        };
    }
}
