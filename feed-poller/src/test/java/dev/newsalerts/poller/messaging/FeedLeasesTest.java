package dev.newsalerts.poller.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsalerts.localkafka.LocalKafka;
import dev.newsalerts.localkafka.LocalKafkaTestResource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two lease holders in one consumer group against the real broker. */
class FeedLeasesTest {

    private static final List<String> FEEDS = IntStream.range(0, 200).mapToObj(i -> "https://feeds.example.com/" + i + ".xml").toList();

    private final LocalKafka kafka = LocalKafkaTestResource.sharedBroker();
    private final String topic = "leases-" + UUID.randomUUID();
    private final String group = "group-" + UUID.randomUUID();
    private FeedLeases first;
    private FeedLeases second;

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
    void eachFeedIsPolledByExactlyOneInstanceAndTheOtherTakesOverWhenOneLeaves() throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
        }
        Set<Integer> revokedFromFirst = ConcurrentHashMap.newKeySet();
        first = leases((partitions, ends) -> { }, revokedFromFirst::addAll).start();
        await().atMost(Duration.ofSeconds(30)).until(() -> first.owned().size() == 6);
        second = leases((partitions, ends) -> { }, partitions -> { }).start();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(second.owned()).isNotEmpty();
            assertThat(first.owned()).isNotEmpty().doesNotContainAnyElementsOf(second.owned());
            assertThat(first.owned().size() + second.owned().size()).isEqualTo(6);
        });
        assertThat(FEEDS).allSatisfy(url -> assertThat(first.owns(url) ^ second.owns(url)).as(url).isTrue());
        assertThat(FEEDS).filteredOn(first::owns).isNotEmpty();
        assertThat(FEEDS).filteredOn(second::owns).isNotEmpty();
        assertThat(revokedFromFirst).isEqualTo(second.owned());

        second.close();

        await().atMost(Duration.ofSeconds(20)).until(() -> first.owned().size() == 6);
        assertThat(FEEDS).allMatch(first::owns);
    }

    @Test
    void aFeedMapsToThePartitionKafkaGivesARecordKeyedByItsUrl() {
        // Kafka's BuiltInPartitioner: murmur2 of the key bytes, made positive, modulo the partitions
        assertThat(FeedLeases.partitionOf("https://example.com/feed.xml", 3))
                .isEqualTo(Utils.toPositive(Utils.murmur2("https://example.com/feed.xml".getBytes(StandardCharsets.UTF_8))) % 3);
        assertThat(IntStream.range(0, 3).map(p -> (int) FEEDS.stream().filter(url -> FeedLeases.partitionOf(url, 3) == p).count()))
                .allMatch(count -> count > 30);
    }

    private FeedLeases leases(Assigned assigned, Consumer<Set<Integer>> revoked) {
        return new FeedLeases(Map.of("bootstrap.servers", kafka.bootstrapServers()), topic, group, Duration.ofSeconds(6),
                new FeedLeases.Listener() {
                    @Override
                    public void assigned(Set<Integer> partitions, Map<Integer, Long> endOffsets) {
                        assigned.accept(partitions, endOffsets);
                    }

                    @Override
                    public void revoked(Set<Integer> partitions) {
                        revoked.accept(partitions);
                    }
                });
    }

    private interface Assigned {
        void accept(Set<Integer> partitions, Map<Integer, Long> endOffsets);
    }
}
