package dev.newsalerts.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class WaitingPartitionsTest {

    private static final Duration LONGEST = Duration.ofMillis(500);
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final TopicPartition FIRST = new TopicPartition("retries", 0);
    private static final TopicPartition SECOND = new TopicPartition("retries", 1);

    private final WaitingPartitions waiting = new WaitingPartitions();

    @Test
    void thePollWaitsUntilTheFirstWaitingRecordIsDue() {
        waiting.waitUntil(FIRST, NOW.plusMillis(300));
        waiting.waitUntil(SECOND, NOW.plusMillis(200));

        assertThat(waiting.pollTimeout(NOW, LONGEST)).isEqualTo(Duration.ofMillis(201));
    }

    @Test
    void thePollWaitsNoLongerThanTheLongestPoll() {
        waiting.waitUntil(FIRST, NOW.plusSeconds(60));

        assertThat(waiting.pollTimeout(NOW, LONGEST)).isEqualTo(LONGEST);
        assertThat(new WaitingPartitions().pollTimeout(NOW, LONGEST)).as("nothing waiting").isEqualTo(LONGEST);
    }

    @Test
    void aRecordThatFellDueSinceThePausesWereSetGivesAZeroTimeoutNotANegativeOne() {
        // KafkaConsumer.poll throws "Invalid negative timeout" on a negative one, and the consumer starts again
        waiting.waitUntil(FIRST, NOW.minusMillis(40));

        assertThat(waiting.pollTimeout(NOW, LONGEST)).isEqualTo(Duration.ZERO);
    }

    @Test
    void partitionsWhoseRecordIsDueStopWaiting() {
        waiting.waitUntil(FIRST, NOW);
        waiting.waitUntil(SECOND, NOW.plusMillis(1));

        waiting.releaseDue(NOW);

        assertThat(waiting.partitions()).containsExactly(SECOND);
    }
}
