package dev.newsalerts.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.newsalerts.kafka.FollowedTable.Origin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tables following a compacted topic of the real broker, as two instances of a service would. */
class FollowedTableTest {

    private static final Duration LOAD = Duration.ofSeconds(30);

    private final String topic = TestKafka.newTopic("table", 3, true);
    private final KafkaProducer<String, String> producer = TestKafka.producer();
    private final List<FollowedTable<Revised>> tables = new ArrayList<>();

    /** A value with a revision, written as {@code revision:text}. */
    record Revised(int revision, String text) {

        static Revised decode(String value) {
            int colon = value.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("no revision in '" + value + "'");
            }
            return new Revised(Integer.parseInt(value.substring(0, colon)), value.substring(colon + 1));
        }

        String encode() {
            return revision + ":" + text;
        }
    }

    /** A change a listener was told of. */
    record Change(String key, Revised value, Origin origin) {
    }

    @AfterEach
    void close() {
        tables.forEach(FollowedTable::close);
        producer.close();
    }

    @Test
    void aTableSeesWhatAnotherInstanceWritesAndRemoves() throws Exception {
        FollowedTable<Revised> here = started(FollowedTable.builder(topic, Revised::decode).writer(this::send));
        List<Change> thereSaw = new CopyOnWriteArrayList<>();
        FollowedTable<Revised> there = started(FollowedTable.builder(topic, Revised::decode)
                .listener((key, value, origin) -> thereSaw.add(new Change(key, value, origin))));
        assertThat(here.awaitLoaded(LOAD)).isTrue();
        assertThat(there.awaitLoaded(LOAD)).isTrue();

        here.put("feed-1", new Revised(1, "first"));

        await().atMost(LOAD).until(() -> there.get("feed-1").isPresent());
        assertThat(there.get("feed-1")).contains(new Revised(1, "first"));
        assertThat(thereSaw).containsExactly(new Change("feed-1", new Revised(1, "first"), Origin.FOLLOWED));

        here.remove("feed-1");

        await().atMost(LOAD).until(() -> there.get("feed-1").isEmpty());
        assertThat(here.get("feed-1")).isEmpty();
        assertThat(thereSaw).endsWith(new Change("feed-1", null, Origin.FOLLOWED));
    }

    @Test
    void aTableFetchingInBatchesSeesAFewRecordsOfAnotherInstanceWithoutAFullBatch() throws Exception {
        FollowedTable<Revised> here = started(FollowedTable.builder(topic, Revised::decode).writer(this::send));
        FollowedTable<Revised> there = started(FollowedTable.builder(topic, Revised::decode).fetchInBatches(Duration.ofMillis(100)));
        assertThat(there.awaitLoaded(LOAD)).isTrue();

        here.put("feed-1", new Revised(1, "first")); // far fewer bytes than a batch
        here.put("feed-2", new Revised(1, "second"));

        await().atMost(LOAD).until(() -> there.get("feed-2").isPresent());
        assertThat(there.get("feed-1")).contains(new Revised(1, "first"));
    }

    @Test
    void aTableReportsLoadedOnlyOnceWhatTheTopicHeldIsRead() throws Exception {
        for (int i = 0; i < 300; i++) {
            TestKafka.send(producer, topic, null, "feed-" + i, "1:v" + i);
        }
        TestKafka.send(producer, topic, null, "feed-0", null);
        Map<String, Origin> origins = new ConcurrentHashMap<>();

        FollowedTable<Revised> table = started(FollowedTable.builder(topic, Revised::decode)
                .listener((key, value, origin) -> origins.put(key, origin)));

        assertThat(table.awaitLoaded(LOAD)).isTrue();
        assertThat(table.isLoaded()).isTrue();
        assertThat(table.asMap()).hasSize(299).doesNotContainKey("feed-0").containsEntry("feed-299", new Revised(1, "v299"));
        assertThat(origins.values()).containsOnly(Origin.STARTUP);

        send("feed-new", new Revised(1, "later")).toCompletableFuture().join();

        await().atMost(LOAD).until(() -> table.get("feed-new").isPresent());
        assertThat(origins).containsEntry("feed-new", Origin.FOLLOWED);
    }

    @Test
    void underTheMergeRuleTheHigherRevisionIsKeptWhicheverIsReadLast() throws Exception {
        TestKafka.send(producer, topic, null, "feed-1", "5:newer");
        TestKafka.send(producer, topic, null, "feed-1", "3:older, written late");

        FollowedTable<Revised> table = started(FollowedTable.builder(topic, Revised::decode)
                .merge((held, read) -> read.revision() >= held.revision() ? read : held));

        assertThat(table.awaitLoaded(LOAD)).isTrue();
        assertThat(table.get("feed-1")).contains(new Revised(5, "newer"));
    }

    @Test
    void anUnreadableValueIsSkippedAndWhatFollowsItIsRead() throws Exception {
        producer.send(new ProducerRecord<>(topic, 0, "feed-1", "not a revised value")).get();
        long end = producer.send(new ProducerRecord<>(topic, 0, "feed-2", "1:fine")).get().offset() + 1;

        FollowedTable<Revised> table = started(FollowedTable.builder(topic, Revised::decode));

        assertThat(table.awaitReadUpTo(Map.of(0, end, 1, 0L, 2, 0L), LOAD)).isTrue();
        assertThat(table.asMap()).containsOnlyKeys("feed-2");
    }

    @Test
    void awaitingGivenEndOffsetsReturnsOnceTheyAreReadAndNotBefore() throws Exception {
        long end = producer.send(new ProducerRecord<>(topic, 1, "feed-1", "1:one")).get().offset() + 1;
        FollowedTable<Revised> table = started(FollowedTable.builder(topic, Revised::decode));

        assertThat(table.awaitReadUpTo(Map.of(1, end), LOAD)).isTrue();
        assertThat(table.get("feed-1")).contains(new Revised(1, "one"));
        assertThat(table.awaitReadUpTo(Map.of(1, end + 1), Duration.ofMillis(300))).as("an offset not written yet").isFalse();

        producer.send(new ProducerRecord<>(topic, 1, "feed-2", "1:two")).get();

        assertThat(table.awaitReadUpTo(Map.of(1, end + 1), LOAD)).isTrue();
        assertThat(table.get("feed-2")).contains(new Revised(1, "two"));
    }

    @Test
    void aWriteIsHeldHereAtOnceAndForgettingDropsItFromMemoryOnly() throws Exception {
        CompletableFuture<Void> broker = new CompletableFuture<>();
        FollowedTable<Revised> table = started(FollowedTable.builder(topic, Revised::decode)
                .writer((key, value) -> send(key, value).thenCompose(done -> broker)));
        assertThat(table.awaitLoaded(LOAD)).isTrue();

        CompletionStage<Void> written = table.write("feed-1", new Revised(1, "mine"));

        assertThat(table.get("feed-1")).as("held before the broker confirms").contains(new Revised(1, "mine"));
        assertThat(written.toCompletableFuture()).isNotDone();
        broker.complete(null);
        written.toCompletableFuture().join();

        table.forgetIf(value -> value.text().equals("mine"));

        assertThat(table.get("feed-1")).isEmpty();
        FollowedTable<Revised> restarted = started(FollowedTable.builder(topic, Revised::decode));
        assertThat(restarted.awaitLoaded(LOAD)).isTrue();
        assertThat(restarted.get("feed-1")).as("the topic keeps it").contains(new Revised(1, "mine"));
    }

    @Test
    void aPutTheBrokerDoesNotConfirmInTimeFailsAndChangesNothing() throws Exception {
        FollowedTable<Revised> table = started(FollowedTable.builder(topic, Revised::decode)
                .writer((key, value) -> new CompletableFuture<>()).writeTimeout(Duration.ofMillis(200)));
        assertThat(table.awaitLoaded(LOAD)).isTrue();

        assertThatThrownBy(() -> table.put("feed-1", new Revised(1, "lost")))
                .isInstanceOf(FollowedTable.TableWriteException.class).hasMessageContaining("feed-1");
        assertThat(table.get("feed-1")).isEmpty();
    }

    private FollowedTable<Revised> started(FollowedTable.Builder<Revised> builder) {
        FollowedTable<Revised> table = builder.build().start(TestKafka.clientConfig());
        tables.add(table);
        return table;
    }

    /** The writer a service would give: here a plain producer, there its outgoing channel. */
    private CompletionStage<Void> send(String key, Revised value) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(topic, key, value == null ? null : value.encode()), (metadata, failure) -> {
            if (failure == null) {
                sent.complete(null);
            } else {
                sent.completeExceptionally(failure);
            }
        });
        return sent;
    }
}
