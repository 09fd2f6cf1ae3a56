package io.tavola.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * What a service's JFR recording says it spent its CPU on: the methods on top of the stack in the
 * execution samples (self time), the packages they belong to, the first frame of Tavola's own code
 * under each sample (whose work it was), and the GC pauses. Read with the JDK's jdk.jfr.consumer API,
 * the same data {@code jfr print --events jdk.ExecutionSample} shows.
 */
record HotMethods(long samples, List<Map.Entry<String, Long>> methods, List<Map.Entry<String, Long>> packages,
        List<Map.Entry<String, Long>> libraries, List<Map.Entry<String, Long>> tavolaFrames, long gcPauses, Duration gcPauseTotal, double jvmCpuMean) {

    static HotMethods of(Path recording, int top) throws IOException {
        Map<String, Long> methods = new HashMap<>();
        Map<String, Long> packages = new HashMap<>();
        Map<String, Long> tavola = new HashMap<>();
        Map<String, Long> libraries = new HashMap<>();
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
                        RecordedMethod m = stack.getFrames().get(0).getMethod();
                        String type = m.getType().getName();
                        methods.merge(type + "." + m.getName(), 1L, Long::sum);
                        packages.merge(packageOf(type), 1L, Long::sum);
                        // whose code it was: the first frame from the top outside the JDK (a HashMap.get in
                        // Hibernate's code is Hibernate's cost)
                        String library = "(the JDK alone)";
                        for (RecordedFrame f : stack.getFrames()) {
                            String t = f.getMethod().getType().getName();
                            if (!t.startsWith("java.") && !t.startsWith("jdk.") && !t.startsWith("sun.")) {
                                library = packageOf(t);
                                break;
                            }
                        }
                        libraries.merge(library, 1L, Long::sum);
                        String own = "(no Tavola frame: a callback)";
                        for (RecordedFrame f : stack.getFrames()) {
                            String t = f.getMethod().getType().getName();
                            if (t.startsWith("io.tavola.")) {
                                own = t.substring(t.lastIndexOf('.') + 1) + "." + f.getMethod().getName();
                                break;
                            }
                        }
                        tavola.merge(own, 1L, Long::sum);
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
        return new HotMethods(samples, top(methods, top), top(packages, top), top(libraries, top), top(tavola, top), pauses,
                pauseTotal,
                cpuCount == 0 ? 0 : cpuSum / cpuCount);
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
        out.append("self time, by method:\n");
        methods.forEach(e -> out.append(String.format("  %5.1f%%  %s%n", 100.0 * e.getValue() / samples, e.getKey())));
        out.append("self time, by package:\n");
        packages.forEach(e -> out.append(String.format("  %5.1f%%  %s%n", 100.0 * e.getValue() / samples, e.getKey())));
        out.append("self time, by the library whose code it was (first frame outside the JDK):\n");
        libraries.forEach(e -> out.append(String.format("  %5.1f%%  %s%n", 100.0 * e.getValue() / samples, e.getKey())));
        out.append("under Tavola's frame:\n");
        tavolaFrames.forEach(e -> out.append(String.format("  %5.1f%%  %s%n", 100.0 * e.getValue() / samples, e.getKey())));
        return out.toString();
    }
}
