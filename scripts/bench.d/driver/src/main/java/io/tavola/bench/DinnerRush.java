package io.tavola.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * One run of the plan on the driver's event loop: setup (staff logins, guest tokens, sessions, 200+
 * kitchen and 400+ session screens), then each phase climbing its arrival rates until the system
 * saturates, a rush with everything at once, and the cost of a table session's 500th order against its
 * first. Collects every step's figures for the report.
 */
final class DinnerRush {

    private final Vertx vertx;
    private final Plan plan;
    private final Manifest manifest;
    private final Diners diners;
    private final LiveScreens screens;
    private final OpenLoop loop;
    private final Timeline timeline;
    private final ProcessMeter meter;
    private final Map<String, Long> pids;
    private final Path profileDir;
    final List<StepStats> setup = new ArrayList<>();
    final List<StepStats> steps = new ArrayList<>();
    JsonObject live = new JsonObject();
    JsonObject growth = new JsonObject();
    final JsonArray notes = new JsonArray();

    DinnerRush(Vertx vertx, Plan plan, Manifest manifest, Diners diners, LiveScreens screens, Timeline timeline,
            ProcessMeter meter, Map<String, Long> pids, Path profileDir) {
        this.vertx = vertx;
        this.plan = plan;
        this.manifest = manifest;
        this.diners = diners;
        this.screens = screens;
        this.timeline = timeline;
        this.meter = meter;
        this.pids = pids;
        this.profileDir = profileDir;
        this.loop = new OpenLoop(vertx, timeline);
    }

    Future<Void> run() {
        long ticks = vertx.setPeriodic(1000, t -> timeline.tick(System.nanoTime()));
        return setupRun()
                .compose(v -> warmUp())
                .compose(v -> profile("JFR.start"))
                .compose(v -> climb("trivial", plan.trivial(), r -> List.of(new OpenLoop.Load(diners.trivial(), r)),
                        plan.stepSeconds(), "trivial"))
                .compose(v -> recovered("trivial"))
                .compose(v -> climb("menu", plan.menu(), r -> List.of(new OpenLoop.Load(diners.menu(), r)),
                        plan.stepSeconds(), "menu"))
                .compose(v -> recovered("menu"))
                .compose(v -> climb("menu-direct", plan.menuDirect(),
                        r -> List.of(new OpenLoop.Load(diners.menuDirect(), r)), plan.stepSeconds(), "menu-direct"))
                .compose(v -> recovered("menu-direct"))
                .compose(v -> step("session-fill", "orders to fill sessions " + (int) plan.warmupRate() + "/s", List.of(
                        new OpenLoop.Load(diners.order(), plan.warmupRate()),
                        new OpenLoop.Load(diners.advance(), plan.warmupRate() * Plan.ADVANCE_SHARE)), plan.warmupSeconds()))
                .compose(v -> climb("session-read", plan.sessionRead(),
                        r -> List.of(new OpenLoop.Load(diners.sessionRead(), r)), plan.stepSeconds(), "session-read"))
                .compose(v -> recovered("session-read"))
                .compose(v -> climb("orders", plan.orders(), r -> List.of(new OpenLoop.Load(diners.order(), r),
                        new OpenLoop.Load(diners.advance(), r * Plan.ADVANCE_SHARE)), plan.orderStepSeconds(), "order"))
                .compose(v -> recovered("orders"))
                .compose(v -> rush())
                .compose(v -> recovered("rush"))
                .compose(v -> profile("JFR.dump"))
                // the rush's backlog (relays, fan-out) gone before one table's orders are timed
                .compose(v -> awaitDeliveries(15))
                .compose(v -> growth())
                .compose(v -> awaitDeliveries(15))
                .map(v -> {
                    // the timeline is complete: the main thread writes it out next
                    vertx.cancelTimer(ticks);
                    live = screens.finish(manifest.restaurants().size(), plan.watchedSessions());
                    return null;
                });
    }

    // --- setup -------------------------------------------------------------------------------------

    private Future<Void> setupRun() {
        timeline.mark("setup", System.nanoTime());
        List<Integer> all = IntStream.range(0, manifest.restaurants().size()).boxed().toList();
        List<Diners.Guest> everyone = new ArrayList<>(diners.guests);
        everyone.add(diners.growthGuest);
        List<Diners.Guest> watched = diners.guests.stream().filter(g -> g.watched).toList();
        say("setup: " + all.size() + " staff logins, " + everyone.size() + " guest tokens and sessions, "
                + all.size() + " kitchen and " + watched.size() + " session screens");
        // bcrypt makes logins slow on purpose: a few at a time
        return each("staff-login", all, 4, diners::staffLogin)
                // a guest token mostly waits on auth (not its CPU): more at a time
                .compose(v -> each("guest-token", everyone, 32, diners::guestToken))
                .compose(v -> each("session-open", everyone, 16, diners::sessionOpen))
                .compose(v -> each("kitchen-screen", all, 16, diners::kitchenScreen))
                .compose(v -> each("session-screen", watched, 16, diners::sessionScreen))
                .map(v -> {
                    say("setup done: " + screens.kitchensConnected + " kitchen and " + screens.sessionsConnected
                            + " session screens connected");
                    return null;
                });
    }

    /**
     * Does {@code work} for every item, {@code concurrency} at a time, each retried up to four times with
     * a growing pause (a service still warming up, a breaker open for its 5 s); fails when any item still
     * fails. Its timings go to the report's setup table.
     */
    private <T> Future<Void> each(String what, List<T> items, int concurrency, Function<T, Future<Integer>> work) {
        timeline.phase = "setup";
        StepStats stats = new StepStats("setup", what, 0, 0, System.nanoTime());
        stats.concurrency = concurrency;
        Promise<Void> done = Promise.promise();
        int[] next = {0};
        int[] running = {0};
        long[] failed = {0};
        Runnable[] pump = new Runnable[1];
        pump[0] = () -> {
            while (running[0] < concurrency && next[0] < items.size()) {
                T item = items.get(next[0]++);
                running[0]++;
                attempt(item, work, stats, 0).onComplete(ar -> {
                    running[0]--;
                    if (ar.failed()) {
                        failed[0]++;
                    }
                    pump[0].run();
                });
            }
            if (running[0] == 0 && next[0] >= items.size() && !done.future().isComplete()) {
                stats.finish(System.nanoTime());
                setup.add(stats);
                say(String.format("  %-15s %5d done (%d at a time) in %5.1f s, %6.1f/s, p50 %7.1f ms, p99 %7.1f ms, %s", what,
                        stats.ok, concurrency, stats.durationSeconds(), stats.achievedRate(), stats.percentileMillis(50),
                        stats.percentileMillis(99), stats.outcomes));
                if (failed[0] > 0) {
                    done.fail(what + ": " + failed[0] + " of " + items.size() + " still failing after retries, giving up");
                } else {
                    done.complete();
                }
            }
        };
        pump[0].run();
        return done.future();
    }

    private <T> Future<Void> attempt(T item, Function<T, Future<Integer>> work, StepStats stats, int tries) {
        long start = System.nanoTime();
        stats.sent++;
        return work.apply(item).recover(e -> Future.succeededFuture(Operation.Outcome.of(e))).compose(status -> {
            long now = System.nanoTime();
            stats.record(status, now - start, now);
            if (Operation.Outcome.success(status)) {
                return Future.succeededFuture();
            }
            if (tries >= 4) {
                return Future.failedFuture("status " + status);
            }
            return pause(1 << tries).compose(v -> attempt(item, work, stats, tries + 1));
        });
    }

    /**
     * Every operation at a modest rate before anything is measured, so the JIT has compiled their paths
     * (a cold JVM runs them interpreted); its figures go to the setup table, not the steps.
     */
    private Future<Void> warmUp() {
        double seconds = plan.mode().equals("quick") ? 15 : 30;
        say("warm-up for " + (int) seconds + " s (not measured)");
        timeline.phase = "warm-up";
        timeline.mark("warm-up", System.nanoTime());
        diners.step = "warm-up";
        // gentle: a backlog left by the warm-up would be measured by the first phase
        List<OpenLoop.Load> loads = new ArrayList<>(List.of(new OpenLoop.Load(diners.trivial(), 50),
                new OpenLoop.Load(diners.menu(), 50), new OpenLoop.Load(diners.sessionRead(), 25),
                new OpenLoop.Load(diners.order(), 10), new OpenLoop.Load(diners.advance(), 5)));
        if (plan.menuDirect().length > 0) {
            loads.add(new OpenLoop.Load(diners.menuDirect(), 50));
        }
        return loop.step("warm-up", loads, seconds).compose(stats -> {
            for (StepStats s : stats) {
                setup.add(s);
                say(String.format("  %-13s offered %6.0f/s achieved %8.1f/s  p50 %7.1f  p99 %8.1f ms  %s", s.op,
                        s.offeredRate, s.achievedRate(), s.percentileMillis(50), s.percentileMillis(99), s.outcomes));
            }
            return recovered("warm-up").compose(v -> pause(5));
        });
    }

    // --- phases --------------------------------------------------------------------------------------

    /** Climbs the rates until the main operation saturates. */
    private Future<Void> climb(String phase, double[] rates, DoubleFunction<List<OpenLoop.Load>> loads, double seconds,
            String mainOp) {
        Future<Void> f = Future.succeededFuture();
        boolean[] saturated = {false};
        for (double rate : rates) {
            f = f.compose(v -> {
                if (saturated[0]) {
                    return Future.succeededFuture();
                }
                return step(phase, phase + " " + (int) rate + "/s", loads.apply(rate), seconds).map(stats -> {
                    stats.stream().filter(s -> s.op.equals(mainOp)).findFirst().ifPresent(s -> {
                        if (s.saturated()) {
                            saturated[0] = true;
                            say("  saturated: no higher rate for " + phase);
                        }
                    });
                    return null;
                });
            });
        }
        return f;
    }

    private Future<List<StepStats>> step(String phase, String label, List<OpenLoop.Load> loads, double seconds) {
        timeline.phase = label.replace(' ', '_');
        timeline.mark(label, System.nanoTime());
        diners.step = label;
        say(label + " for " + (int) seconds + " s");
        return loop.step(phase, loads, seconds).compose(stats -> {
            long end = System.nanoTime();
            for (StepStats s : stats) {
                s.label = label;
                double[] window = {0};
                s.cpuSeconds.putAll(meter.cpuBetween(s.startNanos, end, window));
                s.cpuWindowSeconds = window[0];
                steps.add(s);
                say(String.format("  %-13s offered %6.0f/s achieved %8.1f/s  p50 %7.1f  p99 %8.1f  max %8.1f ms  %s", s.op,
                        s.offeredRate, s.achievedRate(), s.percentileMillis(50), s.percentileMillis(99),
                        s.latency.getTotalCount() == 0 ? 0 : s.latency.getMaxValue() / 1000.0, s.outcomes));
            }
            return pause(plan.pauseSeconds()).map(stats);
        });
    }

    /**
     * After a phase that may have overloaded a route: waits until its probe answers three times in a row
     * (a gateway circuit breaker that opened retries after 5 s), at most 30 s; the report notes how long
     * it took, or that the route did not come back.
     */
    private Future<Void> recovered(String phase) {
        Promise<Void> done = Promise.promise();
        long start = System.nanoTime();
        int[] inARow = {0};
        Runnable[] probe = new Runnable[1];
        probe[0] = () -> diners.probe(phase).recover(e -> Future.succeededFuture(Operation.Outcome.of(e))).onComplete(ar -> {
            double waited = (System.nanoTime() - start) / 1e9;
            if (Operation.Outcome.success(ar.result())) {
                if (++inARow[0] >= 3) {
                    if (waited > 2) {
                        note("after the " + phase + " phase its route answered again after " + Math.round(waited) + " s");
                    }
                    done.complete();
                    return;
                }
            } else {
                inARow[0] = 0;
            }
            if (waited > 30) {
                note("after the " + phase + " phase its route still answered " + Operation.Outcome.label(ar.result())
                        + " 30 s later: the phases after it measure a broken route");
                done.complete();
                return;
            }
            vertx.setTimer(inARow[0] > 0 ? 50 : 500, t -> probe[0].run());
        });
        probe[0].run();
        return done.future();
    }

    private void note(String text) {
        notes.add(text);
        say("note: " + text);
    }

    /** Everything at once, each at half the highest rate its own phase held. */
    private Future<Void> rush() {
        double menu = half("menu", "menu", plan.menu());
        double session = half("session-read", "session-read", plan.sessionRead());
        double orders = half("orders", "order", plan.orders());
        return step("rush", "rush", List.of(new OpenLoop.Load(diners.menu(), menu),
                new OpenLoop.Load(diners.sessionRead(), session), new OpenLoop.Load(diners.order(), orders),
                new OpenLoop.Load(diners.advance(), orders * Plan.ADVANCE_SHARE)), plan.rushSeconds()).mapEmpty();
    }

    private double half(String phase, String op, double[] rates) {
        double held = steps.stream().filter(s -> s.phase.equals(phase) && s.op.equals(op) && s.held())
                .mapToDouble(s -> s.offeredRate).max().orElse(Arrays.stream(rates).min().orElse(100));
        return Math.max(10, held / 2);
    }

    /** One table session, {@code growthOrders} orders one after the other: the 1st against the last. */
    private Future<Void> growth() {
        timeline.phase = "growth";
        timeline.mark("cost growth", System.nanoTime());
        diners.step = "growth";
        int n = plan.growthOrders();
        say("cost growth: " + n + " orders in one table session, one after the other");
        long[] latencies = new long[n];
        Future<Void> f = reads(20).compose(early -> {
            growth.put("session_read_empty_ms", nullable(median(early)));
            return Future.succeededFuture();
        });
        for (int i = 0; i < n; i++) {
            int index = i;
            f = f.compose(v -> {
                long start = System.nanoTime();
                return diners.placeOrder(diners.growthGuest, start, false).map(status -> {
                    latencies[index] = status == 201 ? System.nanoTime() - start : -1;
                    timeline.record("order", status, System.nanoTime() - start);
                    return null;
                });
            });
        }
        return f.compose(v -> reads(20)).map(late -> {
            double[] ms = Arrays.stream(latencies).mapToDouble(l -> l < 0 ? Double.NaN : l / 1e6).toArray();
            JsonArray all = new JsonArray();
            for (double m : ms) {
                all.add(Double.isNaN(m) ? null : StepStats.round(m, 2));
            }
            int window = Math.min(10, n / 2);
            double first10 = median(Arrays.copyOfRange(ms, 0, window));
            double last10 = median(Arrays.copyOfRange(ms, n - window, n));
            growth.put("orders", n).put("failed", Arrays.stream(latencies).filter(l -> l < 0).count())
                    .put("first_ms", nullable(ms[0])).put("last_ms", nullable(ms[n - 1]))
                    .put("first_10_median_ms", nullable(first10))
                    .put("last_10_median_ms", nullable(last10))
                    .put("growth_ratio", nullable(last10 / first10))
                    .put("session_read_full_ms", nullable(median(late)))
                    .put("latencies_ms", all);
            say(String.format("  1st order %.1f ms, %dth %.1f ms; medians of the first and last %d: %.1f and %.1f ms (x%.2f)",
                    ms[0], n, ms[n - 1], window, first10, last10, last10 / first10));
            return null;
        });
    }

    private Future<double[]> reads(int count) {
        double[] ms = new double[count];
        Future<Void> f = Future.succeededFuture();
        for (int i = 0; i < count; i++) {
            int index = i;
            f = f.compose(v -> {
                long start = System.nanoTime();
                return diners.readSession(diners.growthGuest).map(status -> {
                    ms[index] = status == 200 ? (System.nanoTime() - start) / 1e6 : Double.NaN;
                    return null;
                });
            });
        }
        return f.map(v -> ms);
    }

    /** JSON has no NaN: a figure that could not be measured is null. */
    private static Double nullable(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : StepStats.round(value, 3);
    }

    private static double median(double[] values) {
        double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d)).sorted().toArray();
        return v.length == 0 ? Double.NaN : StepStats.round(v[v.length / 2], 2);
    }

    /** Waits until every event that should have reached a screen did, or {@code seconds} passed. */
    private Future<Void> awaitDeliveries(int seconds) {
        Promise<Void> done = Promise.promise();
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        vertx.setPeriodic(200, t -> {
            if (screens.missing() == 0 || System.nanoTime() > until) {
                vertx.cancelTimer(t);
                say("live screens: " + screens.missing() + " expected events not received");
                done.complete();
            }
        });
        return done.future();
    }

    // --- profiling ----------------------------------------------------------------------------------

    /** JFR.start before the load, JFR.dump (then JFR.stop) after it, in every service (--profile). */
    private Future<Void> profile(String command) {
        if (profileDir == null) {
            return Future.succeededFuture();
        }
        return vertx.executeBlocking(() -> {
            for (Map.Entry<String, Long> e : pids.entrySet()) {
                List<String> args = new ArrayList<>(List.of("jcmd", Long.toString(e.getValue()), command, "name=tavola-bench"));
                if (command.equals("JFR.start")) {
                    args.add("settings=profile");
                } else {
                    args.add("filename=" + profileDir.resolve(e.getKey() + ".jfr").toAbsolutePath());
                }
                jcmd(args);
                if (command.equals("JFR.dump")) {
                    jcmd(List.of("jcmd", Long.toString(e.getValue()), "JFR.stop", "name=tavola-bench"));
                }
            }
            say(command + " in " + pids.keySet());
            return null;
        }, false);
    }

    private static void jcmd(List<String> args) throws Exception {
        Process p = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", args) + " failed (exit " + p.exitValue() + ")");
        }
    }

    private Future<Void> pause(double seconds) {
        Promise<Void> p = Promise.promise();
        vertx.setTimer(Math.max(1, (long) (seconds * 1000)), t -> p.complete());
        return p.future();
    }

    static void say(String line) {
        System.out.println("    " + line);
    }
}
