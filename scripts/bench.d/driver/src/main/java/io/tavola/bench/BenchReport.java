package io.tavola.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dated Markdown report of a run and {@code latest.json}: every figure beside its target and its
 * ceiling, the steps behind them, the live screens' deliveries, the session's cost growth, startup and
 * memory, where the CPU went, and (with --profile) the hottest methods of each service.
 */
final class BenchReport {

    private static final List<String> SERVICES = List.of("gateway", "auth", "restaurant", "orders", "customers");
    private static final List<String> CPU_GROUPS = List.of("gateway", "auth", "restaurant", "orders", "customers",
            "postgres", "redis", "rabbitmq", "driver", "other");

    private final JsonObject results;
    private final JsonObject extras;
    private final List<JsonObject> steps = new ArrayList<>();
    private final StringBuilder md = new StringBuilder();
    private final Map<String, Number> latest = new LinkedHashMap<>() {
        @Override
        public Number put(String key, Number value) {
            // numbers only: a figure the run could not measure is left out rather than written as NaN
            return value == null || Double.isNaN(value.doubleValue()) ? null : super.put(key, value);
        }
    };

    private BenchReport(JsonObject results, JsonObject extras) {
        this.results = results;
        this.extras = extras;
        results.getJsonArray("steps").forEach(s -> steps.add((JsonObject) s));
    }

    static void write(Map<String, String> options) throws Exception {
        JsonObject results = new JsonObject(Files.readString(Path.of(Bench.required(options, "results"))));
        JsonObject extras = new JsonObject(Files.readString(Path.of(Bench.required(options, "extras"))));
        BenchReport report = new BenchReport(results, extras);
        report.build(Bench.required(options, "chart"));
        Files.writeString(Path.of(Bench.required(options, "markdown")), report.md.toString());
        if (options.containsKey("latest")) {
            JsonObject json = new JsonObject();
            report.latest.forEach((k, v) -> json.put(k, v));
            Files.writeString(Path.of(options.get("latest")), json.encodePrettily() + "\n");
        }
    }

    // --- figures -----------------------------------------------------------------------------------------

    private List<JsonObject> stepsOf(String phase, String op) {
        return steps.stream().filter(s -> s.getString("phase").equals(phase) && s.getString("op").equals(op)).toList();
    }

    /** The step at the highest offered rate the system kept up with (optionally under a p99 limit). */
    private Optional<JsonObject> best(String phase, String op, double p99Limit) {
        return stepsOf(phase, op).stream().filter(s -> s.getBoolean("held") && s.getDouble("p99_ms") < p99Limit)
                .max((a, b) -> Double.compare(a.getDouble("offered_rps"), b.getDouble("offered_rps")));
    }

    /** The highest answer rate seen in the phase, held or not: what the system does when pushed. */
    private double peak(String phase, String op) {
        return stepsOf(phase, op).stream().mapToDouble(s -> s.getDouble("achieved_rps")).max().orElse(0);
    }

    private Optional<JsonObject> at(String phase, String op, double rate) {
        return stepsOf(phase, op).stream().filter(s -> s.getDouble("offered_rps") == rate).findFirst();
    }

    private double heldRate(String phase, String op) {
        return best(phase, op, Double.MAX_VALUE).map(s -> s.getDouble("achieved_rps")).orElse(0.0);
    }

    // --- the document ----------------------------------------------------------------------------------

    private void build(String chart) {
        String mode = results.getString("mode");
        JsonObject machine = extras.getJsonObject("machine", new JsonObject());
        line("# Tavola benchmark " + extras.getString("date") + (mode.equals("quick") ? " (quick run)" : " (full run)"));
        line("");
        line("`scripts/bench" + (mode.equals("quick") ? " --quick" : "") + (extras.getBoolean("profile", false) ? " --profile" : "")
                + "` on commit `" + extras.getString("commit") + "`, finished " + results.getString("finished_at")
                + ". Everything on one machine: " + machine.getValue("cores") + " cores, " + machine.getValue("memory_gb")
                + " GB, " + machine.getString("os") + ", " + machine.getString("java") + ", PostgreSQL "
                + machine.getString("postgres") + "; the five services (packaged jars, prod profile, "
                + extras.getString("heap") + " each), PostgreSQL, Redis, RabbitMQ and the load driver share those cores. "
                + "How to run and read this: [README.md](README.md).");
        line("");
        loadNote();
        JsonArray notes = results.getJsonArray("notes", new JsonArray());
        if (!notes.isEmpty()) {
            line("**Noticed during the run:**");
            line("");
            notes.forEach(n -> line("- " + n));
            line("");
        }
        headline();
        ceilings();
        stepsTable();
        live();
        growth();
        startup();
        cpu();
        profile();
        line("## Over time");
        line("");
        line("![throughput, p99 latency and CPU over the run](" + chart + ")");
        line("");
        line("Top: answers per second of each operation. Middle: p99 latency of each second's answers (log scale). "
                + "Bottom: CPU cores used by the five services, PostgreSQL, Redis + RabbitMQ, the driver and everything "
                + "else on the machine, and the 1-minute load average.");
        line("");
        setup();
        line("## Data set");
        line("");
        JsonObject d = extras.getJsonObject("dataset", new JsonObject());
        line(d.getValue("restaurants") + " restaurants × " + d.getValue("items") + " menu items (half with modifier "
                + "groups: a required size, optional extras or a side) × " + d.getValue("tables") + " tables, an admin, a "
                + "chef and a waiter each; loaded by SQL (`scripts/bench.d/dataset.sql`) after the services' migrations, in "
                + d.getValue("load_s") + " s. " + results.getJsonObject("plan").getInteger("guests") + " guests at tables "
                + "of every restaurant order, read their session and keep " + results.getJsonObject("plan")
                        .getInteger("session_sockets") + " session screens open; one chef per restaurant keeps the "
                + "kitchen screen open and moves orders along.");
        line("");
    }

    private void loadNote() {
        JsonObject p = results.getJsonObject("processes");
        JsonObject cores = p.getJsonObject("mean_cores", new JsonObject());
        JsonArray before = extras.getJsonArray("load_before", new JsonArray());
        double other = cores.getDouble("other", 0.0);
        line("**Load on the machine.** Load average before the run " + before.encode() + ", during it " + p.getValue("load_mean")
                + " on average (max " + p.getValue("load_max") + "). Work that was neither Tavola, its servers nor the "
                + "driver used " + fmt(other, 2) + " of the " + extras.getJsonObject("machine").getValue("cores")
                + " cores on average" + (other > 0.3 ? " (other sessions' builds and tests were running): the figures are "
                + "lower than this machine gives when quiet." : "") + " " + extras.getString("other_processes", ""));
        line("");
        latest.put("load_mean", p.getDouble("load_mean"));
        latest.put("other_cores_mean", StepStats.round(other, 2));
        latest.put("quick", results.getString("mode").equals("quick") ? 1 : 0);
    }

    private void headline() {
        line("## Headline figures against the targets (issue 15)");
        line("");
        line("| figure | measured | target | verdict |");
        line("|---|---|---|---|");
        double menu = heldRate("menu", "menu");
        double menuFast = best("menu", "menu", 20).map(s -> s.getDouble("achieved_rps")).orElse(0.0);
        Optional<JsonObject> menuBest = best("menu", "menu", Double.MAX_VALUE);
        row("public menu through the gateway, highest rate held", rate(menu) + " req/s (p99 "
                + menuBest.map(s -> ms(s.getDouble("p99_ms"))).orElse("–") + "); with p99 < 20 ms: " + rate(menuFast)
                + " req/s; pushed: " + rate(peak("menu", "menu")) + " req/s", "≥ 8,000 req/s, p99 < 20 ms",
                verdict(menuFast, 8000));
        double session = heldRate("session-read", "session-read");
        double sessionFast = best("session-read", "session-read", 30).map(s -> s.getDouble("achieved_rps")).orElse(0.0);
        Optional<JsonObject> sessionBest = best("session-read", "session-read", Double.MAX_VALUE);
        row("a guest reads its table's session", rate(session) + " req/s (p99 "
                + sessionBest.map(s -> ms(s.getDouble("p99_ms"))).orElse("–") + "); with p99 < 30 ms: " + rate(sessionFast)
                + " req/s; pushed: " + rate(peak("session-read", "session-read")) + " req/s", "≥ 3,000 req/s, p99 < 30 ms",
                verdict(sessionFast, 3000));
        double orders = heldRate("orders", "order");
        long orderErrors = stepsOf("orders", "order").stream().mapToLong(s -> s.getLong("errors")).sum();
        Optional<JsonObject> at400 = at("orders", "order", 400);
        row("orders placed (many tables, kitchens advancing)", rate(orders) + " orders/s held; pushed: "
                + rate(peak("orders", "order")) + "/s; errors in the phase: " + orderErrors, "≥ 800/s, 0 errors",
                verdict(orders, 800));
        row("order p99 at 400 orders/s", at400.map(s -> ms(s.getDouble("p99_ms")) + (s.getBoolean("held") ? "" : " (not held: "
                + rate(s.getDouble("achieved_rps")) + "/s answered)")).orElse("not run (saturated below)"), "< 50 ms",
                at400.map(s -> limitVerdict(s.getDouble("p99_ms"), 50)).orElse("missed"));
        JsonObject live = results.getJsonObject("live");
        JsonObject k400 = live.getJsonObject("by_step", new JsonObject()).getJsonObject("orders 400/s");
        String kitchenAt400 = k400 == null ? "not run" : ms(k400.getJsonObject("kitchen").getDouble("p99_ms"));
        row("order placed → kitchen screen, p99 at 400 orders/s", kitchenAt400 + "; over the whole run "
                + ms(live.getJsonObject("placed_to_kitchen").getDouble("p99_ms")), "< 100 ms",
                k400 == null ? "missed" : limitVerdict(k400.getJsonObject("kitchen").getDouble("p99_ms"), 100));
        long lost = live.getLong("kitchen_created_lost") + live.getLong("session_created_lost") + live.getLong("kitchen_status_lost");
        long dup = live.getLong("kitchen_created_duplicated") + live.getLong("session_created_duplicated")
                + live.getLong("kitchen_status_duplicated");
        row("events lost / duplicated at the screens", lost + " / " + dup + " (" + live.getValue("kitchen_sockets_open_at_end")
                + " kitchen and " + live.getValue("session_sockets_open_at_end") + " session screens open throughout)", "0 lost, ≥ 200 + 400 screens",
                lost == 0 && dup == 0 && live.getInteger("kitchen_sockets_open_at_end", 0) >= 200
                        && live.getInteger("session_sockets_open_at_end", 0) >= 400
                        ? "met" : "missed");
        JsonObject g = results.getJsonObject("growth");
        double ratio = num(g, "growth_ratio");
        row("the 500th order of a session against the 1st", ms(num(g, "last_10_median_ms")) + " against "
                + ms(num(g, "first_10_median_ms")) + " (medians of the last and first 10): ×" + fmt(ratio, 2),
                "within 20% (× ≤ 1.2)", ratio <= 1.2 ? "met" : Double.isNaN(ratio) ? "not measured" : "missed: " + pct(ratio - 1) + " dearer");
        JsonArray startup = extras.getJsonArray("startup", new JsonArray());
        double slowest = 0;
        double fattest = 0;
        for (Object o : startup) {
            JsonObject s = (JsonObject) o;
            slowest = Math.max(slowest, s.getDouble("ready_ms"));
            fattest = Math.max(fattest, s.getDouble("rss_mb"));
        }
        row("slowest service ready, started alone", ms(slowest), "< 1.5 s each", limitVerdict(slowest, 1500));
        row("largest RSS after start", fmt(fattest, 0) + " MB", "< 250 MB each", limitVerdict(fattest, 250));
        long rssTotal = results.getJsonObject("processes").getLong("rss_total_peak_mb");
        row("whole system RSS under load (five services)", rssTotal + " MB", "< 1.2 GB", limitVerdict(rssTotal, 1200));
        line("");
        latest.put("menu_rps", Math.round(menu));
        latest.put("menu_p99_ms", menuBest.map(s -> s.getDouble("p99_ms")).orElse(Double.NaN));
        latest.put("menu_rps_p99_under_20ms", Math.round(menuFast));
        latest.put("session_read_rps", Math.round(session));
        latest.put("session_read_p99_ms", sessionBest.map(s -> s.getDouble("p99_ms")).orElse(Double.NaN));
        latest.put("session_read_rps_p99_under_30ms", Math.round(sessionFast));
        latest.put("orders_rps", Math.round(orders));
        latest.put("orders_p99_ms_at_400", at400.map(s -> s.getDouble("p99_ms")).orElse(Double.NaN));
        latest.put("orders_errors", orderErrors);
        latest.put("placed_to_kitchen_p99_ms_at_400", k400 == null ? Double.NaN : k400.getJsonObject("kitchen").getDouble("p99_ms"));
        latest.put("placed_to_kitchen_p99_ms", live.getJsonObject("placed_to_kitchen").getDouble("p99_ms"));
        latest.put("events_lost", lost);
        latest.put("events_duplicated", dup);
        latest.put("kitchen_sockets", live.getInteger("kitchen_sockets"));
        latest.put("session_sockets", live.getInteger("session_sockets"));
        latest.put("order_cost_growth_ratio", ratio);
        for (Object o : startup) {
            JsonObject s = (JsonObject) o;
            latest.put("ready_ms_" + s.getString("service"), s.getDouble("ready_ms"));
            latest.put("rss_mb_" + s.getString("service"), s.getDouble("rss_mb"));
        }
        latest.put("rss_total_under_load_mb", rssTotal);
    }

    private void ceilings() {
        line("## Ceilings measured in the same run");
        line("");
        double trivial = heldRate("trivial", "trivial");
        double trivialPeak = peak("trivial", "trivial");
        JsonObject pg = extras.getJsonObject("pgbench", new JsonObject());
        double tps = pg.getDouble("tps", 0.0);
        double menu = heldRate("menu", "menu");
        double session = heldRate("session-read", "session-read");
        double orders = heldRate("orders", "order");
        double direct = heldRate("menu-direct", "menu-direct");
        line("| ceiling | rate | Tavola figure | fraction of the ceiling |");
        line("|---|---|---|---|");
        line("| a trivial endpoint through the gateway (`GET /api/v1/tables/not-a-qr-code`: restaurant answers 404 at once, "
                + "no database; the gateway's rate-limit script in Redis and its proxy hop included), highest rate held | " + rate(trivial) + " req/s (pushed: " + rate(trivialPeak)
                + ") | public menu " + rate(menu) + " req/s; session read " + rate(session) + " req/s | menu " + pct(menu / trivial)
                + ", session read " + pct(session / trivial) + " |");
        if (direct > 0) {
            line("| the public menu straight from restaurant (no gateway) | " + rate(direct) + " req/s | public menu through "
                    + "the gateway " + rate(menu) + " req/s | " + pct(menu / direct) + " |");
        }
        line("| PostgreSQL alone: the order + outbox transaction (`scripts/bench.d/order-outbox.pgbench`, " + pg.getValue("clients")
                + " clients, " + pg.getValue("seconds") + " s) | " + rate(tps) + " tx/s (mean " + pg.getValue("latency_ms")
                + " ms) | orders " + rate(orders) + "/s | " + pct(orders / tps) + " (target ≥ 10%) |");
        line("");
        latest.put("trivial_ceiling_rps", Math.round(trivial));
        latest.put("pgbench_order_tps", Math.round(tps));
        latest.put("menu_fraction_of_trivial", StepStats.round(trivial == 0 ? 0 : menu / trivial, 3));
        latest.put("session_read_fraction_of_trivial", StepStats.round(trivial == 0 ? 0 : session / trivial, 3));
        latest.put("orders_fraction_of_pgbench", StepStats.round(tps == 0 ? 0 : orders / tps, 3));
        if (direct > 0) {
            latest.put("menu_direct_rps", Math.round(direct));
        }
    }

    private void stepsTable() {
        line("## Every step");
        line("");
        line("Open loop: requests leave at the offered rate whatever happens to earlier ones, and latency counts from "
                + "when each was due (so a queue shows). *Held* = at least 95% of the offered rate answered with at most "
                + "0.1% errors; a phase stops climbing once a step saturates (under 80% answered, over 5% errors or p99 "
                + "over 2 s). Latencies of successful answers, in ms. *Other work*: CPU cores that processes other than "
                + "Tavola's, its servers' and the driver's used during the step (the neighbours' share of the machine).");
        line("");
        line("| step | operation | offered/s | answered/s | p50 | p95 | p99 | max | outcomes | held | other work (cores) |");
        line("|---|---|---|---|---|---|---|---|---|---|---|");
        String lastLabel = "";
        for (JsonObject s : steps) {
            String label = s.getString("step", s.getString("phase"));
            line("| " + (label.equals(lastLabel) ? "" : label) + " | " + s.getString("op") + " | " + rate(s.getDouble("offered_rps"))
                    + " | " + rate(s.getDouble("achieved_rps")) + " | " + fmt(s.getDouble("p50_ms"), 1) + " | "
                    + fmt(s.getDouble("p95_ms"), 1) + " | " + fmt(s.getDouble("p99_ms"), 1) + " | " + fmt(s.getDouble("max_ms"), 1)
                    + " | " + outcomes(s.getJsonObject("outcomes")) + " | " + (s.getBoolean("held") ? "yes" : "**no**") + " | "
                    + (label.equals(lastLabel) ? "" : fmt(s.getJsonObject("cores", new JsonObject()).getDouble("other", Double.NaN), 2))
                    + " |");
            lastLabel = label;
        }
        line("");
    }

    private void live() {
        JsonObject l = results.getJsonObject("live");
        line("## Live screens");
        line("");
        line(l.getValue("kitchen_sockets") + " of " + l.getValue("kitchen_sockets_wanted") + " kitchen screens and "
                + l.getValue("session_sockets") + " of " + l.getValue("session_sockets_wanted") + " session screens connected, "
                + l.getValue("kitchen_sockets_open_at_end") + " and " + l.getValue("session_sockets_open_at_end")
                + " still open at the end "
                + "(`/ws/kitchen/{restaurantId}` with a chef's token, `/ws/sessions/{sessionId}` with the table's guest "
                + "token); every frame timestamped on arrival and matched to the order by the note the driver wrote in it.");
        line("");
        line("| events | expected | received | lost | duplicated |");
        line("|---|---|---|---|---|");
        line("| `order.created` at the restaurant's kitchen | " + l.getValue("orders_placed") + " | " + l.getValue("kitchen_created_received")
                + " | " + l.getValue("kitchen_created_lost") + " | " + l.getValue("kitchen_created_duplicated") + " |");
        line("| `order.status_changed` at the kitchen (PREPARING, READY) | " + l.getValue("kitchen_status_expected") + " | "
                + l.getValue("kitchen_status_received") + " | " + l.getValue("kitchen_status_lost") + " | "
                + l.getValue("kitchen_status_duplicated") + " |");
        line("| `order.created` at the table's session screen | " + l.getValue("session_created_expected") + " | "
                + l.getValue("session_created_received") + " | " + l.getValue("session_created_lost") + " | "
                + l.getValue("session_created_duplicated") + " |");
        line("");
        line("Delivery latency, from when the order's POST was due to the frame's arrival (ms):");
        line("");
        line("| orders placed during | screen | count | p50 | p95 | p99 | max |");
        line("|---|---|---|---|---|---|---|");
        JsonObject byStep = l.getJsonObject("by_step", new JsonObject());
        for (String step : byStep.fieldNames()) {
            for (String screen : List.of("kitchen", "session")) {
                JsonObject h = byStep.getJsonObject(step).getJsonObject(screen);
                if (h.getLong("count") > 0) {
                    line("| " + step + " | " + screen + " | " + h.getValue("count") + " | " + fmt(h.getDouble("p50_ms"), 1) + " | "
                            + fmt(h.getDouble("p95_ms"), 1) + " | " + fmt(h.getDouble("p99_ms"), 1) + " | "
                            + fmt(h.getDouble("max_ms"), 1) + " |");
                }
            }
        }
        JsonObject answer = l.getJsonObject("answer_to_kitchen");
        line("");
        line("From the 201 to the kitchen's frame (the relay and the fan-out alone): p50 " + ms(answer.getDouble("p50_ms")) + ", p99 "
                + ms(answer.getDouble("p99_ms")) + "; " + l.getValue("kitchen_before_answer") + " kitchen frames arrived before "
                + "their order's 201. Resyncs (snapshots after the first) " + l.getValue("resyncs") + ", sequence gaps seen by "
                + "kitchens " + l.getValue("gaps") + ", broker-down notices " + l.getValue("feed_down") + ", frames in all "
                + l.getValue("frames") + ", events of orders committed without a 201 " + l.getValue("received_without_201")
                + ", sockets closed under the driver " + l.getJsonObject("closed_unexpectedly").encode() + ".");
        line("");
    }

    private void growth() {
        JsonObject g = results.getJsonObject("growth");
        line("## Cost growth of a table session");
        line("");
        line(g.getValue("orders") + " orders at one table, one after the other (each sent when the previous one was "
                + "answered, so this is the cost of one order, not a queue), after the other phases: the 1st took "
                + ms(num(g, "first_ms")) + ", the " + g.getValue("orders") + "th " + ms(num(g, "last_ms"))
                + "; medians of the first and last 10: " + ms(num(g, "first_10_median_ms")) + " and "
                + ms(num(g, "last_10_median_ms")) + " (×" + fmt(num(g, "growth_ratio"), 2) + "). "
                + "The guest's session read took " + ms(num(g, "session_read_empty_ms")) + " with no order and "
                + ms(num(g, "session_read_full_ms")) + " with all of them (medians of 20). Failed: " + g.getValue("failed") + ".");
        line("");
        JsonArray all = g.getJsonArray("latencies_ms", new JsonArray());
        if (all.size() >= 100) {
            line("| orders | median ms |");
            line("|---|---|");
            int chunk = all.size() / 5;
            for (int i = 0; i < 5; i++) {
                List<Double> v = new ArrayList<>();
                for (int j = i * chunk; j < (i + 1) * chunk; j++) {
                    if (all.getValue(j) != null) {
                        v.add(all.getDouble(j));
                    }
                }
                v.sort(Double::compare);
                line("| " + (i * chunk + 1) + "–" + ((i + 1) * chunk) + " | " + (v.isEmpty() ? "–" : fmt(v.get(v.size() / 2), 1)) + " |");
            }
            line("");
        }
    }

    private void startup() {
        line("## Startup and memory");
        line("");
        line("Each service stopped and started again alone at the end of the run (the others running), timed from "
                + "launch to its first `/q/health/ready` UP (polled every 50 ms), its RSS read from /proc 2 s later; the "
                + "peak under load is the highest RSS the process meter saw during the run. The five started together "
                + "at the beginning took " + extras.getValue("parallel_start_s") + " s to be ready (with the migrations of "
                + "an empty database).");
        line("");
        line("| service | ready alone | RSS after start | RSS peak under load |");
        line("|---|---|---|---|");
        JsonObject peak = results.getJsonObject("processes").getJsonObject("rss_peak_mb");
        for (Object o : extras.getJsonArray("startup", new JsonArray())) {
            JsonObject s = (JsonObject) o;
            line("| " + s.getString("service") + " | " + ms(s.getDouble("ready_ms")) + " | " + fmt(s.getDouble("rss_mb"), 0)
                    + " MB | " + peak.getValue(s.getString("service"), "–") + " MB |");
        }
        line("| all five | | | " + results.getJsonObject("processes").getValue("rss_total_peak_mb") + " MB (at one moment) |");
        line("");
    }

    private void cpu() {
        line("## Where the CPU goes");
        line("");
        line("CPU milliseconds per answered request at the highest step each phase held (or its first step when none "
                + "held), by process, from /proc (PostgreSQL, Redis and RabbitMQ count all their processes, so other "
                + "stacks' use of them lands there too, and a PostgreSQL backend that exits during a step takes its CPU "
                + "time with it; *other* is everything else on the machine). In the order steps "
                + "the kitchens' status changes (half the order rate) are included in the orders' share.");
        line("");
        StringBuilder head = new StringBuilder("| step | operation | answered/s | cores: services / machine |");
        StringBuilder rule = new StringBuilder("|---|---|---|---|");
        for (String g : CPU_GROUPS) {
            head.append(' ').append(g).append(" |");
            rule.append("---|");
        }
        line(head.toString());
        line(rule.toString());
        for (String[] po : new String[][] {{"trivial", "trivial"}, {"menu", "menu"}, {"menu-direct", "menu-direct"},
                {"session-read", "session-read"}, {"orders", "order"}}) {
            List<JsonObject> of = stepsOf(po[0], po[1]);
            if (of.isEmpty()) {
                continue;
            }
            JsonObject s = best(po[0], po[1], Double.MAX_VALUE).orElse(of.get(0));
            JsonObject perRequest = s.getJsonObject("cpu_ms_per_request", new JsonObject());
            JsonObject cores = s.getJsonObject("cores", new JsonObject());
            double services = 0;
            for (String service : SERVICES) {
                services += cores.getDouble(service, 0.0);
            }
            StringBuilder row = new StringBuilder("| " + po[0] + " " + rate(s.getDouble("offered_rps")) + "/s | " + po[1] + " | "
                    + rate(s.getDouble("achieved_rps")) + " | " + fmt(services, 2) + " / " + fmt(cores.getDouble("machine", 0.0), 2)
                    + " |");
            for (String g : CPU_GROUPS) {
                // PostgreSQL's backends come and go: one that exited during the step takes its CPU time with it
                row.append(' ').append(perRequest.containsKey(g) ? fmt(Math.max(0, perRequest.getDouble(g)), 2) : "–").append(" |");
            }
            line(row.toString());
        }
        line("");
    }

    private void profile() {
        JsonObject hot = extras.getJsonObject("hot_methods");
        if (hot == null || hot.isEmpty()) {
            line("## Profile");
            line("");
            line("Not profiled in this run (`scripts/bench --profile` records a JFR of each service during the load and "
                    + "lists its hottest methods here).");
            line("");
            return;
        }
        line("## Profile (JFR, `settings=profile`, during the load phases)");
        line("");
        line("From JFR's execution samples (about 50 a second per thread running Java code). *By subsystem*: each sample "
                + "goes to the first frame from the top that belongs to a known library (a `HashMap.get` inside Hibernate "
                + "is Hibernate's). *Self time*: the method on top of the stack, with the call path most of its samples "
                + "came through. Reactive code runs in library callbacks, so most samples have no Tavola frame at all. "
                + "JFR itself costs a few percent.");
        line("");
        for (String service : SERVICES) {
            if (hot.containsKey(service)) {
                line("### " + service);
                line("");
                line("```");
                md.append(hot.getString(service).strip()).append('\n');
                line("```");
                line("");
            }
        }
    }

    private void setup() {
        line("## Setup");
        line("");
        line("Preparation, not measurement: a few requests at a time, each retried up to four times (these are "
                + "the attempts). The screens count as done when their first snapshot arrived.");
        line("");
        line("| what | at a time | attempts | done | took | per second | p50 ms | p99 ms | outcomes |");
        line("|---|---|---|---|---|---|---|---|---|");
        List<JsonObject> warm = new ArrayList<>();
        for (Object o : results.getJsonArray("setup")) {
            JsonObject s = (JsonObject) o;
            if (s.getString("phase").equals("warm-up")) {
                warm.add(s);
                continue;
            }
            line("| " + s.getString("op") + " | " + s.getValue("concurrency") + " | " + s.getValue("sent") + " | "
                    + s.getValue("ok") + " | " + fmt(s.getDouble("duration_s"), 1) + " s | " + fmt(s.getDouble("achieved_rps"), 1)
                    + " | " + fmt(s.getDouble("p50_ms"), 1) + " | " + fmt(s.getDouble("p99_ms"), 1) + " | "
                    + outcomes(s.getJsonObject("outcomes")) + " |");
        }
        line("");
        if (!warm.isEmpty()) {
            line("Then the warm-up, every operation at once at a modest open-loop rate for " + warm.get(0).getValue("duration_s")
                    + " s so the JIT compiled their paths before anything was measured:");
            line("");
            line("| operation | offered/s | answered/s | p50 ms | p99 ms | outcomes |");
            line("|---|---|---|---|---|---|");
            for (JsonObject s : warm) {
                line("| " + s.getString("op") + " | " + rate(s.getDouble("offered_rps")) + " | " + rate(s.getDouble("achieved_rps"))
                        + " | " + fmt(s.getDouble("p50_ms"), 1) + " | " + fmt(s.getDouble("p99_ms"), 1) + " | "
                        + outcomes(s.getJsonObject("outcomes")) + " |");
            }
            line("");
        }
    }

    // --- formatting ----------------------------------------------------------------------------------

    private void row(String figure, String measured, String target, String verdict) {
        line("| " + figure + " | " + measured + " | " + target + " | " + verdict + " |");
    }

    private static String verdict(double value, double target) {
        return value >= target ? "met" : "missed: " + pct(value / target) + " of the target";
    }

    private static String limitVerdict(double value, double limit) {
        if (value < limit) {
            return "met";
        }
        double over = value / limit - 1;
        return "missed: " + (over < 0.1 ? String.format("%.1f%% over", over * 100) : fmt(value / limit, 1) + "× the limit");
    }

    private static String outcomes(JsonObject o) {
        List<String> parts = new ArrayList<>();
        for (String k : o.fieldNames()) {
            parts.add(k + ": " + o.getValue(k));
        }
        return String.join(", ", parts);
    }

    /** A figure, NaN when it was not measured (null or absent). */
    private static double num(JsonObject o, String key) {
        Object v = o == null ? null : o.getValue(key);
        return v instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static String rate(double v) {
        return String.format("%,.0f", v);
    }

    private static String ms(Double v) {
        if (v == null || v.isNaN()) {
            return "–";
        }
        return v >= 1000 ? String.format("%.2f s", v / 1000) : String.format("%.1f ms", v);
    }

    private static String pct(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? "–" : String.format("%.0f%%", v * 100);
    }

    private static String fmt(Double v, int digits) {
        return v == null || v.isNaN() ? "–" : String.format("%,." + digits + "f", v);
    }

    private void line(String text) {
        md.append(text).append('\n');
    }
}
