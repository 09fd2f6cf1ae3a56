package io.tavola.bench;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * scripts/bench's driver. Subcommands:
 * <pre>
 *   run    --mode quick|full --gateway URL --restaurant URL --manifest FILE --password PW --pids a=1,b=2
 *          --out DIR [--profile-dir DIR]         drives the load, writes DIR/results.json and DIR/series.csv
 *   report --results FILE --extras FILE --markdown FILE --chart NAME [--latest FILE]
 *                                                 writes the Markdown report (and latest.json)
 *   hot-methods FILE.jfr [N]                      prints the hottest methods of a JFR recording
 * </pre>
 */
public final class Bench {

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private Bench() {}

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: run|report|hot-methods ...");
        }
        Map<String, String> options = options(args);
        try {
            switch (args[0]) {
                case "run" -> run(options);
                case "report" -> BenchReport.write(options);
                case "hot-methods" -> System.out.print(HotMethods.of(Path.of(args[1]),
                        args.length > 2 ? Integer.parseInt(args[2]) : 20).text());
                default -> throw new IllegalArgumentException("unknown subcommand " + args[0]);
            }
        } catch (Exception e) {
            System.err.println("bench driver: " + (e.getCause() != null ? e.getCause() : e));
            e.printStackTrace();
            // Vert.x' threads would keep the JVM alive
            System.exit(1);
        }
        System.exit(0);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            if (args[i].startsWith("--")) {
                options.put(args[i].substring(2), args[i + 1]);
            }
        }
        return options;
    }

    static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static void run(Map<String, String> options) throws Exception {
        Plan plan = Plan.of(options.getOrDefault("mode", "quick"));
        String gatewayUrl = required(options, "gateway");
        Manifest manifest = Manifest.read(Path.of(required(options, "manifest")));
        Path out = Path.of(required(options, "out"));
        Files.createDirectories(out);
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String pair : required(options, "pids").split(",")) {
            String[] kv = pair.split("=");
            pids.put(kv[0], Long.parseLong(kv[1]));
        }
        Path profileDir = options.containsKey("profile-dir") ? Path.of(options.get("profile-dir")) : null;

        // one event loop runs the whole workload (no locks anywhere); a second serves blocking jcmd calls
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(2)
                .setBlockedThreadCheckInterval(10_000));
        long start = System.nanoTime();
        Timeline timeline = new Timeline(start);
        ProcessMeter meter = new ProcessMeter(pids);
        meter.start();
        Context context = vertx.getOrCreateContext();
        CompletableFuture<DinnerRush> finished = new CompletableFuture<>();
        context.runOnContext(v -> {
            WebClient gateway = client(vertx, gatewayUrl, 256);
            WebClient restaurant = client(vertx, options.getOrDefault("restaurant", gatewayUrl), 128);
            LiveScreens screens = new LiveScreens(vertx, gatewayUrl, timeline);
            Diners diners = new Diners(manifest, required(options, "password"), gateway, restaurant, screens,
                    plan.guests(), plan.watchedSessions());
            DinnerRush rush = new DinnerRush(vertx, plan, manifest, diners, screens, timeline, meter, pids, profileDir);
            rush.run().onComplete(ar -> {
                if (ar.failed()) {
                    finished.completeExceptionally(ar.cause());
                } else {
                    finished.complete(rush);
                }
            });
        });
        DinnerRush rush;
        try {
            rush = finished.get(40, TimeUnit.MINUTES);
        } finally {
            meter.stop();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        JsonObject results = new JsonObject()
                .put("mode", plan.mode()).put("finished_at", Instant.now().toString()).put("driver_wall_s", Math.round(wall))
                .put("plan", plan.toJson())
                .put("restaurants", manifest.restaurants().size())
                .put("setup", json(rush.setup)).put("steps", json(rush.steps))
                .put("live", rush.live).put("growth", rush.growth).put("notes", rush.notes)
                .put("processes", processes(meter.samples()));
        Files.writeString(out.resolve("results.json"), results.encodePrettily());
        Files.writeString(out.resolve("series.csv"), series(timeline, meter.samples()));
        Files.writeString(out.resolve("phases.gp"), timeline.phaseMarks());
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        System.out.printf("    driver done in %.0f s: %s%n", wall, out.resolve("results.json"));
    }

    private static WebClient client(Vertx vertx, String url, int connections) {
        URI uri = URI.create(url);
        HttpClientOptions http = new HttpClientOptions().setDefaultHost(uri.getHost()).setDefaultPort(uri.getPort())
                .setKeepAlive(true).setConnectTimeout(5_000).setTcpNoDelay(true);
        return WebClient.wrap(vertx.createHttpClient(http, new PoolOptions().setHttp1MaxSize(connections)
                .setMaxWaitQueueSize(-1)));
    }

    private static JsonArray json(List<StepStats> stats) {
        JsonArray a = new JsonArray();
        stats.forEach(s -> a.add(s.toJson()));
        return a;
    }

    /** Peak resident memory of each service and of all five at one moment, and the machine's load. */
    private static JsonObject processes(List<ProcessMeter.Sample> samples) {
        Map<String, Long> peak = new LinkedHashMap<>();
        long totalPeak = 0;
        double loadSum = 0;
        double loadMax = 0;
        for (ProcessMeter.Sample s : samples) {
            long total = 0;
            for (Map.Entry<String, Long> e : s.rssKb().entrySet()) {
                peak.merge(e.getKey(), e.getValue(), Math::max);
                total += e.getValue();
            }
            totalPeak = Math.max(totalPeak, total);
            loadSum += s.load1();
            loadMax = Math.max(loadMax, s.load1());
        }
        JsonObject rss = new JsonObject();
        peak.forEach((k, v) -> rss.put(k, Math.round(v / 1024.0)));
        double[] window = {0};
        JsonObject cpu = new JsonObject();
        if (samples.size() > 1) {
            ProcessMeter.Sample first = samples.get(0);
            ProcessMeter.Sample last = samples.get(samples.size() - 1);
            window[0] = (last.nanos() - first.nanos()) / 1e9;
            double known = 0;
            for (Map.Entry<String, Double> e : last.cpuSeconds().entrySet()) {
                double cores = (e.getValue() - first.cpuSeconds().getOrDefault(e.getKey(), e.getValue())) / window[0];
                cpu.put(e.getKey(), StepStats.round(cores, 3));
                known += e.getKey().equals("machine") ? 0 : cores;
            }
            cpu.put("other", StepStats.round(Math.max(0, cpu.getDouble("machine", 0.0) - known), 3));
        }
        return new JsonObject().put("rss_peak_mb", rss).put("rss_total_peak_mb", Math.round(totalPeak / 1024.0))
                .put("load_mean", samples.isEmpty() ? 0 : StepStats.round(loadSum / samples.size(), 2))
                .put("load_max", loadMax).put("mean_cores", cpu).put("sampled_s", Math.round(window[0]));
    }

    /** One row a second: throughput and p50/p99 per operation, events, CPU cores per group, load, memory. */
    private static String series(Timeline timeline, List<ProcessMeter.Sample> samples) {
        StringBuilder csv = new StringBuilder("t,phase");
        for (String op : Timeline.OPS) {
            csv.append(',').append(op).append("_rps,").append(op).append("_err,").append(op).append("_p50,").append(op)
                    .append("_p99");
        }
        csv.append(",kitchen_eps,session_eps,cores_services,cores_postgres,cores_redis_rabbitmq,cores_driver,cores_other,load1,rss_mb\n");
        int j = 1;
        for (Timeline.Second s : timeline.seconds()) {
            csv.append(String.format("%.1f", s.t())).append(',').append(s.phase());
            for (String op : Timeline.OPS) {
                double[] v = s.ops().get(op);
                csv.append(',').append((long) v[0]).append(',').append((long) v[1]).append(',').append(num(v[2]))
                        .append(',').append(num(v[3]));
            }
            csv.append(',').append(s.kitchenEvents()).append(',').append(s.sessionEvents());
            // the process sample pair around this second
            long at = timeline.startNanos() + (long) (s.t() * 1e9);
            while (j < samples.size() - 1 && samples.get(j).nanos() < at) {
                j++;
            }
            if (j < samples.size()) {
                ProcessMeter.Sample a = samples.get(j - 1);
                ProcessMeter.Sample b = samples.get(j);
                double dt = (b.nanos() - a.nanos()) / 1e9;
                double services = 0;
                for (String name : b.rssKb().keySet()) {
                    services += delta(a, b, name);
                }
                double shared = delta(a, b, "redis") + delta(a, b, "rabbitmq");
                double known = services + delta(a, b, "postgres") + shared + delta(a, b, "driver");
                long rss = b.rssKb().values().stream().mapToLong(Long::longValue).sum();
                csv.append(String.format(",%.2f,%.2f,%.2f,%.2f,%.2f,%.2f,%d", services / dt, delta(a, b, "postgres") / dt,
                        // a late sample can make the difference of two counters read past the machine's cores
                        shared / dt, delta(a, b, "driver") / dt, Math.min(CORES, Math.max(0, delta(a, b, "machine") - known) / dt),
                        b.load1(), rss / 1024));
            } else {
                csv.append(",,,,,,,");
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    private static double delta(ProcessMeter.Sample a, ProcessMeter.Sample b, String name) {
        return b.cpuSeconds().getOrDefault(name, 0.0) - a.cpuSeconds().getOrDefault(name, 0.0);
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "NaN" : String.format("%.2f", v);
    }
}
