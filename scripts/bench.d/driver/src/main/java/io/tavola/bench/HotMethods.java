package io.tavola.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * What a service's JFR recording says it spent its CPU on, from the execution samples (the data
 * {@code jfr print --events jdk.ExecutionSample} shows, read with the JDK's jdk.jfr.consumer API): each
 * sample given to the subsystem of the first frame from the top that belongs to one (Hibernate,
 * OpenTelemetry, ...; a HashMap.get inside Hibernate is Hibernate's), the methods on top of the stack
 * (self time) with where the hottest ones were called from, the first frame outside the JDK, Tavola's
 * own first frame, and the GC pauses.
 */
record HotMethods(long samples, List<Map.Entry<String, Long>> subsystems, List<Map.Entry<String, Long>> methods,
        Map<String, Map.Entry<String, Long>> callers, List<Map.Entry<String, Long>> libraries,
        List<Map.Entry<String, Long>> tavolaFrames, long gcPauses, Duration gcPauseTotal, double jvmCpuMean) {

    /** Package prefix → subsystem, in the order they are tried on each frame. */
    private static final String[][] SUBSYSTEMS = {
            {"org.hibernate", "Hibernate (ORM, HQL, reactive sessions)"},
            {"com.fasterxml.jackson", "Jackson (JSON)"},
            {"io.opentelemetry", "OpenTelemetry (tracing)"}, {"io.quarkus.opentelemetry", "OpenTelemetry (tracing)"},
            {"io.micrometer", "Micrometer (metrics)"}, {"io.quarkus.micrometer", "Micrometer (metrics)"},
            {"io.smallrye.jwt", "JWT checks"}, {"org.jose4j", "JWT checks"},
            {"io.vertx.pgclient", "PostgreSQL client"}, {"io.vertx.sqlclient", "PostgreSQL client"},
            {"io.vertx.redis", "Redis client"}, {"io.quarkus.redis", "Redis client"},
            {"io.vertx.rabbitmq", "RabbitMQ client"}, {"com.rabbitmq", "RabbitMQ client"},
            {"io.smallrye.reactive.messaging", "Reactive Messaging"},
            {"org.jboss.logmanager", "logging"}, {"org.jboss.logging", "logging"},
            {"org.jboss.resteasy.reactive.client", "REST client"}, {"io.quarkus.rest.client", "REST client"},
            {"io.smallrye.context", "context propagation"},
            {"io.smallrye.faulttolerance", "fault tolerance"},
            {"org.jboss.resteasy", "REST server"}, {"io.quarkus.resteasy", "REST server"},
            {"io.quarkus.websockets", "WebSockets"},
            {"io.tavola", "Tavola's own code"},
    };

    static HotMethods of(Path recording, int top) throws IOException {
        Map<String, Long> subsystems = new HashMap<>();
        Map<String, Long> methods = new HashMap<>();
        Map<String, Map<String, Long>> callers = new HashMap<>();
        Map<String, Long> libraries = new HashMap<>();
        Map<String, Long> tavola = new HashMap<>();
        long samples = 0;
        long pauses = 0;
        Duration pauseTotal = Duration.ZERO;
        double cpuSum = 0;
        long cpuCount = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                switch (e.getEventType().getName()) {
                    case "jdk.ExecutionSample" -> {
                        RecordedStackTrace stack = e.getStackTrace();
                        if (stack == null || stack.getFrames().isEmpty()) {
                            continue;
                        }
                        samples++;
                        List<RecordedFrame> frames = stack.getFrames();
                        subsystems.merge(subsystemOf(frames), 1L, Long::sum);
                        String method = name(frames.get(0));
                        methods.merge(method, 1L, Long::sum);
                        // where it was called from: the next three frames outside java.*, recursion collapsed
                        StringBuilder chain = new StringBuilder();
                        String previous = "";
                        for (int i = 1, n = 0; n < 3 && i < frames.size(); i++) {
                            String caller = shortName(frames.get(i));
                            if (!frames.get(i).getMethod().getType().getName().startsWith("java.") && !caller.equals(previous)) {
                                chain.append(" ← ").append(caller);
                                previous = caller;
                                n++;
                            }
                        }
                        callers.computeIfAbsent(method, k -> new HashMap<>()).merge(chain.toString(), 1L, Long::sum);
                        libraries.merge(libraryOf(frames), 1L, Long::sum);
                        tavola.merge(tavolaFrameOf(frames), 1L, Long::sum);
                    }
                    case "jdk.GarbageCollection" -> {
                        pauses++;
                        pauseTotal = pauseTotal.plus(e.getDuration("sumOfPauses"));
                    }
                    case "jdk.CPULoad" -> {
                        cpuSum += e.getFloat("jvmUser") + e.getFloat("jvmSystem");
                        cpuCount++;
                    }
                    default -> { }
                }
            }
        }
        List<Map.Entry<String, Long>> hottest = top(methods, top);
        Map<String, Map.Entry<String, Long>> hottestCallers = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Long> m : hottest.subList(0, Math.min(3, hottest.size()))) {
            hottestCallers.put(m.getKey(), top(callers.get(m.getKey()), 1).get(0));
        }
        return new HotMethods(samples, top(subsystems, 20), hottest, hottestCallers, top(libraries, 10), top(tavola, 8),
                pauses, pauseTotal, cpuCount == 0 ? 0 : cpuSum / cpuCount);
    }

    private static String subsystemOf(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String type = f.getMethod().getType().getName();
            for (String[] rule : SUBSYSTEMS) {
                if (type.startsWith(rule[0])) {
                    return rule[1];
                }
            }
        }
        return "Netty, Vert.x and the JDK alone";
    }

    private static String libraryOf(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String t = f.getMethod().getType().getName();
            if (!t.startsWith("java.") && !t.startsWith("jdk.") && !t.startsWith("sun.")) {
                return packageOf(t);
            }
        }
        return "(the JDK alone)";
    }

    private static String tavolaFrameOf(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            if (f.getMethod().getType().getName().startsWith("io.tavola.")) {
                return shortName(f);
            }
        }
        return "(none: a callback of a library)";
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static String shortName(RecordedFrame f) {
        String t = f.getMethod().getType().getName();
        return t.substring(t.lastIndexOf('.') + 1) + "." + f.getMethod().getName();
    }

    /** Packages grouped to what they are: the first three parts of the name (io.vertx.core, org.hibernate.reactive). */
    static String packageOf(String type) {
        String[] parts = type.split("\\.");
        int n = Math.min(3, Math.max(1, parts.length - 1));
        return String.join(".", List.of(parts).subList(0, n));
    }

    private static List<Map.Entry<String, Long>> top(Map<String, Long> counts, int n) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
                .map(e -> Map.entry(e.getKey(), e.getValue())).toList();
    }

    String text() {
        StringBuilder out = new StringBuilder();
        out.append(samples).append(" execution samples; GC: ").append(gcPauses).append(" collections, ")
                .append(gcPauseTotal.toMillis()).append(" ms of pauses; mean JVM CPU ")
                .append(String.format("%.0f%%", jvmCpuMean * 100)).append(" of the machine\n");
        out.append("by subsystem (the first frame from the top that belongs to one):\n");
        subsystems.forEach(e -> out.append(line(e)));
        out.append("self time, by method:\n");
        methods.forEach(e -> {
            out.append(line(e));
            Map.Entry<String, Long> caller = callers.get(e.getKey());
            if (caller != null) {
                out.append(String.format("           mostly%s (%d of %d)%n", caller.getKey(), caller.getValue(), e.getValue()));
            }
        });
        out.append("by the first frame outside the JDK:\n");
        libraries.forEach(e -> out.append(line(e)));
        out.append("by Tavola's first frame:\n");
        tavolaFrames.forEach(e -> out.append(line(e)));
        return out.toString();
    }

    private String line(Map.Entry<String, Long> e) {
        return String.format("  %5.1f%%  %s%n", 100.0 * e.getValue() / samples, e.getKey());
    }
}
