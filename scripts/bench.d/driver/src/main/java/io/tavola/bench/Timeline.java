package io.tavola.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Second by second: per operation the answers, errors and p50/p99 of that second, and the live events
 * received. Everything is recorded on the driver's event loop, which also closes each second, so no
 * locking is needed.
 */
final class Timeline {

    /** The operations the chart draws, in its column order. */
    static final List<String> OPS = List.of("trivial", "menu", "menu-direct", "session-read", "order", "advance");

    record Second(double t, String phase, Map<String, double[]> ops, long kitchenEvents, long sessionEvents) {}

    private final long startNanos;
    private final Map<String, Histogram> current = new LinkedHashMap<>();
    private final Map<String, long[]> counts = new LinkedHashMap<>();
    private final List<Second> seconds = new ArrayList<>();
    /** When each step began (seconds since the start) and its label, for the chart's phase marks. */
    private final List<Map.Entry<Double, String>> marks = new ArrayList<>();
    private long kitchenEvents;
    private long sessionEvents;
    String phase = "setup";

    Timeline(long startNanos) {
        this.startNanos = startNanos;
        for (String op : OPS) {
            current.put(op, new Histogram(1, 120_000_000, 2));
            counts.put(op, new long[2]);
        }
    }

    void record(String op, int status, long latencyNanos) {
        Histogram h = current.get(op);
        if (h == null || status == Operation.Outcome.IDLE) {
            return;
        }
        if (Operation.Outcome.success(status)) {
            counts.get(op)[0]++;
            h.recordValue(Math.max(1, Math.min(h.getHighestTrackableValue(), latencyNanos / 1000)));
        } else {
            counts.get(op)[1]++;
        }
    }

    void mark(String label, long now) {
        marks.add(Map.entry((now - startNanos) / 1e9, label));
    }

    /** gnuplot commands drawing a faint vertical line and a label where each step began. */
    String phaseMarks() {
        StringBuilder gp = new StringBuilder();
        for (Map.Entry<Double, String> m : marks) {
            gp.append(String.format("set arrow from %.1f, graph 0 to %.1f, graph 1 nohead lc rgb '#bbbbbb' dt 3%n", m.getKey(),
                    m.getKey()));
            gp.append(String.format("set label \"%s\" at %.1f, graph 0.98 rotate by 90 right font ',7' tc rgb '#777777'%n",
                    m.getValue().replace("\"", ""), m.getKey() + 1));
        }
        return gp.toString();
    }

    void kitchenEvent() {
        kitchenEvents++;
    }

    void sessionEvent() {
        sessionEvents++;
    }

    /** Called once a second by the driver's timer. */
    void tick(long now) {
        Map<String, double[]> row = new LinkedHashMap<>();
        for (String op : OPS) {
            Histogram h = current.get(op);
            long[] c = counts.get(op);
            row.put(op, new double[] {c[0], c[1], h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(50) / 1000.0,
                    h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(99) / 1000.0});
            h.reset();
            c[0] = 0;
            c[1] = 0;
        }
        seconds.add(new Second((now - startNanos) / 1e9, phase, row, kitchenEvents, sessionEvents));
        kitchenEvents = 0;
        sessionEvents = 0;
    }

    List<Second> seconds() {
        return seconds;
    }

    long startNanos() {
        return startNanos;
    }
}
