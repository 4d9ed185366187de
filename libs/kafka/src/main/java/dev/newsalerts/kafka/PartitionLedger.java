package dev.newsalerts.kafka;

import io.quarkus.logging.Log;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The work a delay queue handed out on each of its partitions, the offsets that work allows it to
 * commit, and the handover of partitions that go to another member. Used by the consumer thread;
 * work finishes on any thread.
 */
final class PartitionLedger {

    private final Map<TopicPartition, PartitionProgress> progress = new ConcurrentHashMap<>();
    private final Runnable onFinished;
    private final Duration handoverWait;

    /**
     * @param onFinished told, on the finishing thread, each time a record's work finishes
     * @param handoverWait the longest partitions being handed over wait for their work, all together
     */
    PartitionLedger(Runnable onFinished, Duration handoverWait) {
        this.onFinished = onFinished;
        this.handoverWait = handoverWait;
    }

    PartitionProgress of(TopicPartition partition) {
        return progress.computeIfAbsent(partition, p -> new PartitionProgress(onFinished));
    }

    boolean holds(TopicPartition partition) {
        return progress.containsKey(partition);
    }

    int inFlight() {
        return progress.values().stream().mapToInt(PartitionProgress::inFlight).sum();
    }

    /** Commits, without waiting, every partition whose finished work moved its offset. */
    void commitAsync(KafkaConsumer<String, String> kafka) {
        Map<TopicPartition, OffsetAndMetadata> offsets = toCommit(progress.keySet());
        if (offsets.isEmpty()) {
            return;
        }
        kafka.commitAsync(offsets, (committed, failure) -> {
            if (failure != null) {
                Log.debugf("Committing %s failed (%s); the next commit covers it", committed, failure.getMessage());
                return;
            }
            committed.forEach((partition, offset) -> {
                PartitionProgress partitionProgress = progress.get(partition);
                if (partitionProgress != null) {
                    partitionProgress.committed(offset.offset());
                }
            });
        });
    }

    /** Waits (at most the handover wait) for the work under way on {@code partitions}, commits it, and forgets them. */
    void handOver(KafkaConsumer<String, String> kafka, Collection<TopicPartition> partitions) {
        Instant deadline = Instant.now().plus(handoverWait); // one wait for all, not one each
        for (TopicPartition partition : partitions) {
            PartitionProgress partitionProgress = progress.get(partition);
            try {
                if (partitionProgress != null && !partitionProgress.awaitFinished(PartitionProgress.until(deadline))) {
                    Log.warnf("Work on %s failed or is still under way after %d s; its next owner may do it again", partition,
                            handoverWait.toSeconds());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = toCommit(partitions);
            if (!offsets.isEmpty()) {
                kafka.commitSync(offsets);
            }
        } catch (RuntimeException e) {
            Log.warnf("Committing %s before handing it over failed (%s); its next owner may repeat work", partitions,
                    e.getMessage());
        }
        forget(partitions);
    }

    void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(progress::remove);
    }

    void clear() {
        progress.clear();
    }

    private Map<TopicPartition, OffsetAndMetadata> toCommit(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            PartitionProgress partitionProgress = progress.get(partition);
            if (partitionProgress != null) {
                partitionProgress.toCommit().ifPresent(offset -> offsets.put(partition, new OffsetAndMetadata(offset)));
            }
        }
        return offsets;
    }
}
