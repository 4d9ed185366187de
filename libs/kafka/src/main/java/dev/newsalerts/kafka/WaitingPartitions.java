package dev.newsalerts.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * The partitions whose first unread record is not due yet, and when it is; they stay paused until
 * then. Used by the consumer thread only.
 */
final class WaitingPartitions {

    private final Map<TopicPartition, Instant> dueAt = new HashMap<>();

    void waitUntil(TopicPartition partition, Instant due) {
        dueAt.put(partition, due);
    }

    /** Stops waiting for the partitions whose record is due at {@code now}. */
    void releaseDue(Instant now) {
        dueAt.values().removeIf(due -> !due.isAfter(now));
    }

    Set<TopicPartition> partitions() {
        return dueAt.keySet();
    }

    int size() {
        return dueAt.size();
    }

    void forget(Collection<TopicPartition> partitions) {
        dueAt.keySet().removeAll(partitions);
    }

    void clear() {
        dueAt.clear();
    }

    /**
     * How long the next poll may wait: until the first waiting record is due (a millisecond after,
     * so it is due when the poll returns), at most {@code longest}, and never negative, which
     * {@code KafkaConsumer.poll} refuses: a record may fall due between {@link #releaseDue} and
     * this call.
     */
    Duration pollTimeout(Instant now, Duration longest) {
        Duration timeout = dueAt.values().stream().map(due -> Duration.between(now, due).plusMillis(1))
                .min(Duration::compareTo).filter(untilDue -> untilDue.compareTo(longest) < 0).orElse(longest);
        return timeout.isNegative() ? Duration.ZERO : timeout;
    }
}
