package io.tavola.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads /proc once a second on a thread of its own: CPU time of each service, of the driver, of
 * PostgreSQL, Redis and RabbitMQ (all their processes, whoever they serve: other stacks on this machine
 * share them) and of the whole machine, each service's resident memory, and the load average.
 */
final class ProcessMeter {

    /** Linux reports CPU time in clock ticks of 1/100 s (USER_HZ) on every architecture it runs on. */
    private static final double TICK = 0.01;

    static final List<String> SHARED = List.of("postgres", "redis", "rabbitmq");

    record Sample(long nanos, Map<String, Double> cpuSeconds, Map<String, Long> rssKb, double load1) {}

    private final Map<String, Long> services;
    private final List<Sample> samples = new ArrayList<>();
    private volatile boolean running = true;
    private Thread thread;

    ProcessMeter(Map<String, Long> services) {
        this.services = new LinkedHashMap<>(services);
        this.services.put("driver", ProcessHandle.current().pid());
    }

    void start() {
        thread = new Thread(() -> {
            while (running) {
                Sample s = sample();
                synchronized (samples) {
                    samples.add(s);
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "process-meter");
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    /** CPU seconds per group between the samples that bracket the window, and the bracketed length. */
    Map<String, Double> cpuBetween(long fromNanos, long toNanos, double[] window) {
        List<Sample> all = samples();
        Sample first = null;
        Sample last = null;
        for (Sample s : all) {
            if (first == null && s.nanos() >= fromNanos) {
                first = s;
            }
            if (s.nanos() <= toNanos) {
                last = s;
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        if (first == null || last == null || last.nanos() <= first.nanos()) {
            window[0] = 0;
            return out;
        }
        window[0] = (last.nanos() - first.nanos()) / 1e9;
        for (Map.Entry<String, Double> e : last.cpuSeconds().entrySet()) {
            out.put(e.getKey(), e.getValue() - first.cpuSeconds().getOrDefault(e.getKey(), e.getValue()));
        }
        // what neither the services nor their servers nor the driver used: other work on the machine
        double known = 0;
        for (Map.Entry<String, Double> e : out.entrySet()) {
            if (!e.getKey().equals("machine")) {
                known += e.getValue();
            }
        }
        out.put("other", Math.max(0, out.getOrDefault("machine", 0.0) - known));
        return out;
    }

    private Sample sample() {
        Map<String, Double> cpu = new LinkedHashMap<>();
        Map<String, Long> rss = new LinkedHashMap<>();
        services.forEach((name, pid) -> {
            cpu.put(name, cpuSeconds(pid));
            if (!name.equals("driver")) {
                rss.put(name, rssKb(pid));
            }
        });
        double postgres = 0;
        double redis = 0;
        double rabbit = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (name.isEmpty() || !Character.isDigit(name.charAt(0))) {
                    continue;
                }
                String comm = read(p.resolve("comm")).trim();
                if (comm.equals("postgres")) {
                    postgres += cpuSeconds(Long.parseLong(name));
                } else if (comm.startsWith("redis-server")) {
                    redis += cpuSeconds(Long.parseLong(name));
                } else if (comm.equals("beam.smp")) {
                    rabbit += cpuSeconds(Long.parseLong(name));
                }
            }
        } catch (IOException | RuntimeException e) {
            // a process that ended meanwhile: the next sample has it right
        }
        cpu.put("postgres", postgres);
        cpu.put("redis", redis);
        cpu.put("rabbitmq", rabbit);
        cpu.put("machine", machineBusySeconds());
        double load = 0;
        String[] loadavg = read(Path.of("/proc/loadavg")).split(" ");
        if (loadavg.length > 0 && !loadavg[0].isEmpty()) {
            load = Double.parseDouble(loadavg[0]);
        }
        return new Sample(System.nanoTime(), cpu, rss, load);
    }

    static double cpuSeconds(long pid) {
        String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
        int end = stat.lastIndexOf(')');
        if (end < 0) {
            return 0;
        }
        String[] f = stat.substring(end + 2).split(" ");
        // after "pid (comm) ": state is field 3, utime 14 and stime 15
        return f.length > 12 ? (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK : 0;
    }

    static long rssKb(long pid) {
        for (String line : read(Path.of("/proc", Long.toString(pid), "status")).split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    private static double machineBusySeconds() {
        String first = read(Path.of("/proc/stat")).split("\n")[0];
        String[] f = first.trim().split("\\s+");
        // cpu user nice system idle iowait irq softirq steal
        long busy = 0;
        for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
            if (i < f.length) {
                busy += Long.parseLong(f[i]);
            }
        }
        return busy * TICK;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
