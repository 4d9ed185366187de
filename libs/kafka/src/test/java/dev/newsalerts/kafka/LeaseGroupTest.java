package dev.newsalerts.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two members of one lease group against the real broker. */
class LeaseGroupTest {

    private static final List<String> KEYS = IntStream.range(0, 200).mapToObj(i -> "https://feeds.example.com/" + i + ".xml").toList();

    private final String topic = TestKafka.newTopic("leases", 6, false);
    private final String group = "leases-" + topic;
    private final Recorder firstSaw = new Recorder();
    private final Recorder secondSaw = new Recorder();
    private LeaseGroup first;
    private LeaseGroup second;

    @AfterEach
    void close() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
    }

    @Test
    void eachKeyIsHeldByExactlyOneMemberAndTheSurvivorHoldsAllWhenTheOtherCloses() throws Exception {
        first = new LeaseGroup(TestKafka.clientConfig(), topic, group, Duration.ofSeconds(6), firstSaw).start();
        assertThat(first.awaitFirstAssignment(Duration.ofSeconds(30))).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> first.owned().size() == 6);
        second = new LeaseGroup(TestKafka.clientConfig(), topic, group, Duration.ofSeconds(6), secondSaw).start();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(second.owned()).isNotEmpty();
            assertThat(first.owned()).isNotEmpty().doesNotContainAnyElementsOf(second.owned());
            assertThat(first.owned().size() + second.owned().size()).isEqualTo(6);
        });
        assertThat(KEYS).allSatisfy(key -> assertThat(first.owns(key) ^ second.owns(key)).as(key).isTrue());
        assertThat(KEYS).filteredOn(first::owns).isNotEmpty();
        assertThat(KEYS).filteredOn(second::owns).isNotEmpty();
        assertThat(firstSaw.revoked).isEqualTo(second.owned());
        assertThat(secondSaw.assigned).isEqualTo(second.owned());

        second.close();

        await().atMost(Duration.ofSeconds(20)).until(() -> first.owned().size() == 6);
        assertThat(KEYS).allMatch(first::owns);
        assertThat(secondSaw.revoked).as("the closing member is told it no longer holds its partitions")
                .isEqualTo(secondSaw.assigned);
    }

    @Test
    void aMemberIsToldTheTopicsEndOffsetsWithItsPartitions() throws Exception {
        try (KafkaProducer<String, String> producer = TestKafka.producer()) {
            TestKafka.send(producer, topic, 0, "a", "1");
            TestKafka.send(producer, topic, 0, "b", "2");
            TestKafka.send(producer, topic, 4, "c", "3");
        }

        first = new LeaseGroup(TestKafka.clientConfig(), topic, group, Duration.ofSeconds(6), firstSaw).start();

        assertThat(first.awaitFirstAssignment(Duration.ofSeconds(30))).isTrue();
        assertThat(first.partitionCount()).isEqualTo(6);
        assertThat(firstSaw.endOffsets).isEqualTo(Map.of(0, 2L, 1, 0L, 2, 0L, 3, 0L, 4, 1L, 5, 0L));
    }

    @Test
    void aKeyMapsToThePartitionKafkaGivesARecordWithThatKey() {
        // Kafka's BuiltInPartitioner: murmur2 of the key bytes, made positive, modulo the partitions
        assertThat(LeaseGroup.partitionOf("https://example.com/feed.xml", 3))
                .isEqualTo(Utils.toPositive(Utils.murmur2("https://example.com/feed.xml".getBytes(StandardCharsets.UTF_8))) % 3);
        assertThat(IntStream.range(0, 3).map(p -> (int) KEYS.stream().filter(key -> LeaseGroup.partitionOf(key, 3) == p).count()))
                .allMatch(count -> count > 30);
    }

    /** What a member was told. */
    private static final class Recorder implements LeaseGroup.Listener {

        final Set<Integer> assigned = ConcurrentHashMap.newKeySet();
        final Set<Integer> revoked = ConcurrentHashMap.newKeySet();
        final Map<Integer, Long> endOffsets = new ConcurrentHashMap<>();

        @Override
        public void assigned(Set<Integer> partitions, Map<Integer, Long> ends) {
            assigned.addAll(partitions);
            endOffsets.putAll(ends);
        }

        @Override
        public void revoked(Set<Integer> partitions) {
            revoked.addAll(partitions);
        }
    }
}
