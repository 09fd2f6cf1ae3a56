package io.tavola.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;

/**
 * Open-loop arrivals: each operation's requests are scheduled by the clock at a fixed rate (request n at
 * start + n / rate) whether or not earlier ones were answered, and each latency is counted from that
 * scheduled time. A system that falls behind therefore shows the wait it imposes, instead of slowing
 * the driver down and hiding it (coordinated omission). Runs on the driver's event loop.
 */
final class OpenLoop {

    record Load(Operation op, double rate) {}

    /**
     * Past this many requests in flight for one operation the driver sheds them (counted as failures, never
     * sent) instead of queueing without bound: a saturated step measures the queue it built, not timeouts.
     */
    static final int MAX_IN_FLIGHT = 512;
    private static final long DRAIN_LIMIT_NANOS = 35_000_000_000L;

    private final Vertx vertx;
    private final Timeline timeline;

    OpenLoop(Vertx vertx, Timeline timeline) {
        this.vertx = vertx;
        this.timeline = timeline;
    }

    private final class Running {
        final Load load;
        final StepStats stats;
        final long total;
        long issued;
        int inFlight;

        Running(Load load, StepStats stats, long total) {
            this.load = load;
            this.stats = stats;
            this.total = total;
        }
    }

    /** Runs the loads together for {@code seconds}, then waits for their answers (at most 35 s more). */
    Future<List<StepStats>> step(String phase, List<Load> loads, double seconds) {
        Promise<List<StepStats>> done = Promise.promise();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        List<Running> running = new ArrayList<>();
        for (Load load : loads) {
            running.add(new Running(load, new StepStats(phase, load.op().name(), load.rate(), seconds, start),
                    Math.max(1, Math.round(seconds * load.rate()))));
        }
        vertx.setPeriodic(1, timer -> {
            long now = System.nanoTime();
            boolean allIssued = true;
            for (Running r : running) {
                long due = Math.min(r.total, (long) ((Math.min(now, end) - start) * r.load.rate() / 1e9) + 1);
                while (r.issued < due) {
                    long seq = r.issued++;
                    send(r, seq, start + (long) (seq * 1e9 / r.load.rate()));
                }
                allIssued &= r.issued >= r.total;
            }
            if (allIssued && now >= end) {
                vertx.cancelTimer(timer);
                long drainUntil = System.nanoTime() + DRAIN_LIMIT_NANOS;
                vertx.setPeriodic(20, drain -> {
                    boolean idle = running.stream().allMatch(r -> r.inFlight == 0);
                    if (idle || System.nanoTime() > drainUntil) {
                        vertx.cancelTimer(drain);
                        for (Running r : running) {
                            r.stats.close(r.inFlight);
                        }
                        done.complete(running.stream().map(r -> r.stats).toList());
                    }
                });
            }
        });
        return done.future();
    }

    private void send(Running r, long seq, long intended) {
        String name = r.load.op().name();
        r.stats.sent++;
        if (r.inFlight >= MAX_IN_FLIGHT) {
            r.stats.record(Operation.Outcome.SHED, 0, System.nanoTime());
            timeline.record(name, Operation.Outcome.SHED, 0);
            return;
        }
        r.inFlight++;
        Future<Integer> answer;
        try {
            answer = r.load.op().issue(seq, intended);
        } catch (RuntimeException e) {
            answer = Future.failedFuture(e);
        }
        answer.onComplete(ar -> {
            r.inFlight--;
            int status = ar.succeeded() ? ar.result() : Operation.Outcome.of(ar.cause());
            long now = System.nanoTime();
            if (status == Operation.Outcome.IDLE) {
                r.stats.idle();
                return;
            }
            r.stats.record(status, now - intended, now);
            timeline.record(name, status, now - intended);
        });
    }
}
