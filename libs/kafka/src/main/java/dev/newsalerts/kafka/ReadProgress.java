package dev.newsalerts.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** How far each partition of a followed topic has been read: the offset after the last record handed over. */
final class ReadProgress {

    private final Map<Integer, Long> readUpTo = new HashMap<>();

    synchronized void read(int partition, long offset) {
        readUpTo.merge(partition, offset + 1, Math::max);
        notifyAll();
    }

    /**
     * Waits until every partition is read up to its given end offset (a partition that ends at 0
     * holds nothing to read).
     *
     * @return false when that did not happen within {@code timeout}
     */
    synchronized boolean awaitReadUpTo(Map<Integer, Long> endOffsets, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!hasRead(endOffsets)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private boolean hasRead(Map<Integer, Long> endOffsets) {
        return endOffsets.entrySet().stream()
                .allMatch(end -> end.getValue() == 0 || readUpTo.getOrDefault(end.getKey(), 0L) >= end.getValue());
    }
}
