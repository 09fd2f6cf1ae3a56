package io.tavola.bench;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What one operation did during one step: latencies of its successful answers (from the time each
 * request was scheduled, not sent, so a system that falls behind shows its queue), and every outcome.
 */
final class StepStats {

    final String phase;
    final String op;
    final double offeredRate;
    private double durationSeconds;
    final long startNanos;
    /** The step's name in the report ("menu 500/s"). */
    String label;
    /** Setup steps run a few at a time instead of at a rate. */
    int concurrency;
    long sent;
    long ok;
    long completed;
    long lastCompletionNanos;
    final Map<String, Long> outcomes = new TreeMap<>();
    final Histogram latency = new Histogram(1, 120_000_000, 3); // microseconds, up to 2 minutes
    /** CPU seconds each process group used during the step, and over what window (from the process meter). */
    final Map<String, Double> cpuSeconds = new TreeMap<>();
    double cpuWindowSeconds;

    StepStats(String phase, String op, double offeredRate, double durationSeconds, long startNanos) {
        this.phase = phase;
        this.op = op;
        this.offeredRate = offeredRate;
        this.durationSeconds = durationSeconds;
        this.startNanos = startNanos;
    }

    private boolean closed;

    double durationSeconds() {
        return durationSeconds;
    }

    /** A setup step's length is however long it took. */
    void finish(long now) {
        durationSeconds = (now - startNanos) / 1e9;
    }

    /** Nothing was there to do: the scheduled slot was no request. */
    void idle() {
        if (!closed) {
            sent--;
            outcomes.merge("idle", 1L, Long::sum);
        }
    }

    /** The step is over: what is still unanswered counts as such, and late answers no more. */
    void close(int unanswered) {
        if (unanswered > 0) {
            outcomes.merge("unanswered", (long) unanswered, Long::sum);
        }
        closed = true;
    }

    void record(int status, long latencyNanos, long now) {
        if (closed) {
            return;
        }
        outcomes.merge(Operation.Outcome.label(status), 1L, Long::sum);
        if (status == Operation.Outcome.SHED) {
            return;
        }
        completed++;
        lastCompletionNanos = Math.max(lastCompletionNanos, now);
        if (Operation.Outcome.success(status)) {
            ok++;
            latency.recordValue(Math.max(1, Math.min(latency.getHighestTrackableValue(), latencyNanos / 1000)));
        }
    }

    long errors() {
        long errors = 0;
        for (Map.Entry<String, Long> e : outcomes.entrySet()) {
            String k = e.getKey();
            if (!(k.startsWith("2") && k.length() == 3) && !k.equals("idle")) {
                errors += e.getValue();
            }
        }
        return errors;
    }

    /** Answers per second, over the time from the step's start until its last answer (the queue drained). */
    double achievedRate() {
        double seconds = Math.max(durationSeconds, (lastCompletionNanos - startNanos) / 1e9);
        return seconds <= 0 ? 0 : ok / seconds;
    }

    double percentileMillis(double p) {
        return latency.getTotalCount() == 0 ? 0 : latency.getValueAtPercentile(p) / 1000.0;
    }

    /** The step kept up: nearly every scheduled request answered, and answered well. */
    boolean held() {
        return sent > 0 && achievedRate() >= 0.95 * offeredRate && errors() <= Math.max(0, sent / 1000);
    }

    /** So far behind that a higher rate would only measure the queue. */
    boolean saturated() {
        return sent > 0 && (achievedRate() < 0.8 * offeredRate || errors() > sent / 20 || percentileMillis(99) > 2000);
    }

    JsonObject toJson() {
        JsonObject cpu = new JsonObject();
        JsonObject cpuPerRequest = new JsonObject();
        cpuSeconds.forEach((group, seconds) -> {
            if (cpuWindowSeconds > 0) {
                cpu.put(group, round(seconds / cpuWindowSeconds, 3));
            }
            if (ok > 0) {
                cpuPerRequest.put(group, round(seconds * 1000 / ok, 3));
            }
        });
        JsonObject out = new JsonObject();
        outcomes.forEach(out::put);
        return new JsonObject()
                .put("phase", phase).put("step", label == null ? phase : label).put("op", op)
                .put("offered_rps", offeredRate).put("duration_s", round(durationSeconds, 1))
                .put("concurrency", concurrency)
                .put("sent", sent).put("ok", ok).put("errors", errors())
                .put("achieved_rps", round(achievedRate(), 1))
                .put("held", held()).put("saturated", saturated())
                .put("p50_ms", round(percentileMillis(50), 2)).put("p95_ms", round(percentileMillis(95), 2))
                .put("p99_ms", round(percentileMillis(99), 2)).put("p999_ms", round(percentileMillis(99.9), 2))
                .put("max_ms", round(latency.getTotalCount() == 0 ? 0 : latency.getMaxValue() / 1000.0, 2))
                .put("outcomes", out)
                .put("cores", cpu).put("cpu_ms_per_request", cpuPerRequest);
    }

    static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
