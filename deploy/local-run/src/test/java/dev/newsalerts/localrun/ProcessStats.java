package dev.newsalerts.localrun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a load harness reads of a child process (Linux /proc) and of its measurements. */
final class ProcessStats {

    private ProcessStats() {
    }

    /** CPU time the process has used, user and system, in milliseconds. */
    static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10; // clock ticks of 10 ms
    }

    /** Resident memory of the process, in MiB. */
    static long residentMib(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(line -> line.startsWith("VmRSS:")).findFirst()
                .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024).orElse(0L);
    }

    static long percentile(long[] sorted, int percent) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }
}
