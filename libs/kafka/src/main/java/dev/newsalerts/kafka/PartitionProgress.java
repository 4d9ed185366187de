package dev.newsalerts.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The records of one partition handed out for work and not finished yet, so that the offset
 * committed is always one that every record before it is finished at, whatever order they finish
 * in; a record whose work failed is never finished, so it is read again after a restart. Records
 * are started in offset order by one thread at a time (the consumer's, or the channel's); they
 * finish on any thread, and the offset to commit may be asked from another (a rebalance). The
 * {@link DelayQueue} keeps one per partition; a service that commits a SmallRye channel's offsets
 * around a rebalance itself (the notifier's alerts) may too.
 */
public final class PartitionProgress {

    private final ConcurrentSkipListMap<Long, CompletableFuture<Void>> open = new ConcurrentSkipListMap<>();
    private final Runnable onFinished;
    private volatile long next = -1;
    private volatile long committed = -1;

    public PartitionProgress() {
        this(() -> { });
    }

    /** @param onFinished told, on the finishing thread, each time a record's work finishes */
    public PartitionProgress(Runnable onFinished) {
        this.onFinished = onFinished;
    }

    public void started(long offset, CompletableFuture<Void> work) {
        open.put(offset, work);
        next = offset + 1;
        work.thenRun(() -> { // a record whose work failed stays open: nothing is committed past it
            open.remove(offset);
            onFinished.run();
        });
    }

    public int inFlight() {
        return open.size();
    }

    /** The offset to commit, when it moved since the last commit: that of the first record not finished. */
    public OptionalLong toCommit() {
        Long firstOpen = open.isEmpty() ? null : open.firstKey();
        long offset = firstOpen == null ? next : firstOpen;
        return offset > committed ? OptionalLong.of(offset) : OptionalLong.empty();
    }

    public void committed(long offset) {
        committed = Math.max(committed, offset);
    }

    /** The time left until {@code deadline}, never negative. */
    public static Duration until(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** @return whether every record handed out finished within the timeout */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        try {
            CompletableFuture.allOf(open.values().toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            return open.isEmpty();
        } catch (TimeoutException e) {
            return false;
        }
    }
}
