package dev.newsalerts.localrun;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * The CPU time each thread of a JVM used, from a flight recording's {@code jdk.ThreadCPULoad} events
 * (the {@code profile} settings take one per thread every 10 s): a thread's share of the CPU over each
 * period, times the period. Used to tell apart the steps of a service whose steps run on threads of
 * their own (BENCHMARKS.md, the clustering step against classification). Run it as a source file:
 * {@code java deploy/local-run/src/test/java/dev/newsalerts/localrun/JfrThreadCpu.java recording.jfr}.
 */
public final class JfrThreadCpu {

    private JfrThreadCpu() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java JfrThreadCpu.java RECORDING.jfr");
            System.exit(2);
        }
        Map<String, Double> cpuSeconds = new HashMap<>();
        Map<Long, Instant> previous = new HashMap<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ThreadCPULoad")) {
                continue;
            }
            RecordedThread thread = event.getThread();
            Instant before = previous.put(thread.getId(), event.getStartTime());
            // the first event of a thread covers the time since the thread started, at most one period
            Duration period = before == null ? Duration.ofSeconds(10) : Duration.between(before, event.getStartTime());
            double load = event.getFloat("user") + event.getFloat("system");
            String name = thread.getJavaName() != null ? thread.getJavaName() : thread.getOSName();
            cpuSeconds.merge(name, load * period.toNanos() / 1e9, Double::sum);
        }
        cpuSeconds.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(entry -> System.out.printf("%8.2f s  %s%n", entry.getValue(), entry.getKey()));
        System.out.printf("%8.2f s  in all%n", cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum());
    }
}
