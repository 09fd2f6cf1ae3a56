package io.tavola.gateway.live;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last sequence this replica received per stream and restaurant. Its queue gets every event of every
 * restaurant in publish order (which is sequence order), so a number that is not the next one means
 * events were lost on the way. (A redelivery repeats its {@code event_id} and never gets here; a new
 * event numbered at or below the last means the numbers started again, e.g. a restored database: that
 * too calls for a resync.)
 */
final class StreamCursors {

    enum Verdict { NEXT, GAP }

    private final Map<String, Long> last = new ConcurrentHashMap<>();

    /** Records {@code sequence} of the restaurant's stream; the first number seen is taken as it comes. */
    Verdict observe(String stream, String restaurantId, long sequence) {
        Verdict[] verdict = new Verdict[1];
        last.compute(key(stream, restaurantId), (key, previous) -> {
            if (previous == null || sequence == previous + 1) {
                verdict[0] = Verdict.NEXT;
                return sequence;
            }
            verdict[0] = Verdict.GAP;
            return sequence;
        });
        return verdict[0];
    }

    /** The last sequence received of the restaurant's stream, or null before its first event. */
    Long last(String stream, String restaurantId) {
        return last.get(key(stream, restaurantId));
    }

    private static String key(String stream, String restaurantId) {
        return stream + "/" + restaurantId.toLowerCase();
    }
}
