package dev.newsalerts.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Delay queues on the real broker; each record's value is the instant it is due. */
class DelayQueueTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    private final KafkaProducer<String, String> producer = TestKafka.producer();
    private final List<DelayQueue<Instant>> queues = new ArrayList<>();
    private String topic;
    private String group;

    /** A record a handler was given, and when. */
    record Handled(String key, int partition, long offset, Instant at) {
        static Handled of(ConsumerRecord<String, String> record) {
            return new Handled(record.key(), record.partition(), record.offset(), Instant.now());
        }
    }

    @AfterEach
    void close() {
        queues.forEach(DelayQueue::close);
        producer.close();
    }

    @Test
    void aRecordIsHandedOverNoEarlierThanItsDueTimeAndInOffsetOrderWithinItsPartition() {
        topicWith(2);
        Instant now = Instant.now();
        List<Instant> due = List.of(now.plusMillis(1500), now.plusMillis(300), now.plusMillis(900), now.plusMillis(1200));
        IntStream.range(0, due.size()).forEach(i -> send(0, "late-" + i, due.get(i)));
        send(1, "now", now);
        List<Handled> handled = new CopyOnWriteArrayList<>();

        started(builder(record -> done(handled.add(Handled.of(record)))));

        await().atMost(WITHIN).until(() -> handled.size() == 5);
        assertThat(handled).filteredOn(h -> h.partition() == 0).extracting(Handled::key)
                .containsExactly("late-0", "late-1", "late-2", "late-3");
        assertThat(handled).filteredOn(h -> h.partition() == 0)
                .allSatisfy(h -> assertThat(h.at()).isAfterOrEqualTo(due.get(Integer.parseInt(h.key().substring(5)))));
        assertThat(handled).filteredOn(h -> h.key().equals("now")).singleElement()
                .satisfies(h -> assertThat(h.at()).as("a waiting partition holds up no other").isBefore(due.get(0)));
    }

    @Test
    void recordsDueInThePastAreHandledAtOnceAndTheConsumerNeverStartsAgain() {
        topicWith(3);
        Instant now = Instant.now();
        for (int i = 0; i < 60; i++) {
            // an hour late, just late, and falling due while their partitions wait
            Instant due = i % 3 == 0 ? now.minus(Duration.ofHours(1)) : now.plusMillis(i * 7L % 400 - 100);
            send(i % 3, "record-" + i, due);
        }
        List<Handled> handled = new CopyOnWriteArrayList<>();

        DelayQueue<Instant> queue = started(builder(record -> done(handled.add(Handled.of(record)))));

        await().atMost(WITHIN).until(() -> handled.size() == 60);
        assertThat(queue.restarts()).isZero();
    }

    @Test
    void aQueueStartedAfterAnotherClosedGetsOnlyTheRecordsNotDoneYet() {
        topicWith(2);
        IntStream.range(0, 6).forEach(i -> send(i % 2, "before-" + i, Instant.now()));
        List<Handled> first = new CopyOnWriteArrayList<>();
        DelayQueue<Instant> before = started(builder(record -> done(first.add(Handled.of(record)))));
        await().atMost(WITHIN).until(() -> first.size() == 6);
        before.close();
        IntStream.range(0, 3).forEach(i -> send(i % 2, "after-" + i, Instant.now()));
        List<Handled> second = new CopyOnWriteArrayList<>();

        started(builder(record -> done(second.add(Handled.of(record)))));

        await().atMost(WITHIN).until(() -> second.size() >= 3);
        await().during(Duration.ofMillis(500)).atMost(WITHIN).until(() -> second.size() == 3);
        assertThat(second).extracting(Handled::key).containsExactlyInAnyOrder("after-0", "after-1", "after-2");
    }

    @Test
    void aRecordWhoseHandlerFailedIsHandedOverAgainAfterARestartWithThoseAfterIt() {
        topicWith(1);
        IntStream.range(0, 5).forEach(i -> send(0, "record-" + i, Instant.now()));
        List<Handled> first = new CopyOnWriteArrayList<>();
        DelayQueue<Instant> before = started(builder(record -> {
            first.add(Handled.of(record));
            return record.key().equals("record-2") ? CompletableFuture.failedFuture(new IllegalStateException("receiver down"))
                    : done(true);
        }));
        await().atMost(WITHIN).until(() -> first.size() == 5);
        before.close();
        List<Handled> second = new CopyOnWriteArrayList<>();

        started(builder(record -> done(second.add(Handled.of(record)))));

        await().atMost(WITHIN).until(() -> second.size() >= 3);
        assertThat(second).extracting(Handled::key).containsExactly("record-2", "record-3", "record-4");
    }

    @Test
    void aQueueWhoseHandlerFailedStartsAgainAfterTheRestartDelayFromThatRecord() {
        topicWith(1);
        IntStream.range(0, 5).forEach(i -> send(0, "record-" + i, Instant.now()));
        List<Handled> handled = new CopyOnWriteArrayList<>();
        AtomicInteger failures = new AtomicInteger();
        DelayQueue<Instant> queue = started(builder(record -> {
            handled.add(Handled.of(record));
            return record.key().equals("record-2") && failures.getAndIncrement() == 0
                    ? CompletableFuture.failedFuture(new IllegalStateException("broker refused the write")) : done(true);
        }).restartDelay(Duration.ofMillis(500)));

        await().atMost(WITHIN).until(() -> handled.stream().filter(record -> record.key().equals("record-2")).count() == 2);
        await().atMost(WITHIN).until(() -> handled.get(handled.size() - 1).key().equals("record-4"));

        assertThat(queue.restarts()).isEqualTo(1);
        List<String> keys = handled.stream().map(Handled::key).toList();
        assertThat(keys.subList(keys.lastIndexOf("record-2"), keys.size())).containsExactly("record-2", "record-3", "record-4");
        assertThat(queue.inFlight()).isZero();
    }

    @Test
    void aSecondMemberTakesPartitionsOverWithoutARecordHandledTwice() {
        topicWith(4);
        IntStream.range(0, 200).forEach(i -> send(i % 4, "record-" + i, Instant.now()));
        List<Handled> byFirst = new CopyOnWriteArrayList<>();
        List<Handled> bySecond = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        CompletableFuture<Void> handingOver = new CompletableFuture<>();
        // after 20 records, the first member's work waits until it hands its partitions over: it is under way then
        started(builder(record -> calls.incrementAndGet() <= 20 ? slowly(() -> byFirst.add(Handled.of(record)))
                : handingOver.thenCompose(started -> slowly(() -> byFirst.add(Handled.of(record))))).maxInFlight(8));
        await().atMost(WITHIN).until(() -> byFirst.size() == 20);

        started(builder(record -> slowly(() -> bySecond.add(Handled.of(record)))).maxInFlight(8));
        await().atMost(WITHIN).until(DelayQueueTest::aMemberWaitsForItsWorkToHandOver);
        handingOver.complete(null);

        await().atMost(WITHIN).until(() -> byFirst.size() + bySecond.size() >= 200);
        await().during(Duration.ofMillis(500)).atMost(WITHIN).until(() -> byFirst.size() + bySecond.size() == 200);
        List<String> keys = new ArrayList<>(byFirst.stream().map(Handled::key).toList());
        keys.addAll(bySecond.stream().map(Handled::key).toList());
        assertThat(new HashSet<>(keys)).hasSize(200);
        assertThat(bySecond).as("the second member took partitions over").isNotEmpty();
    }

    @Test
    void noMoreHandlersRunAtOnceThanTheInFlightCap() {
        topicWith(2);
        IntStream.range(0, 12).forEach(i -> send(i % 2, "record-" + i, Instant.now()));
        List<CompletableFuture<Void>> running = new CopyOnWriteArrayList<>();
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger mostUnderWay = new AtomicInteger();
        started(builder(record -> {
            CompletableFuture<Void> work = new CompletableFuture<>();
            running.add(work);
            mostUnderWay.accumulateAndGet(running.size() - finished.get(), Math::max);
            return work.thenRun(finished::incrementAndGet);
        }).maxInFlight(3));

        await().atMost(WITHIN).until(() -> running.size() == 3);
        await().during(Duration.ofSeconds(1)).atMost(WITHIN).until(() -> running.size() == 3);
        for (int done = 0; done < 12; done++) {
            int next = done;
            await().atMost(WITHIN).until(() -> running.size() > next);
            running.get(next).complete(null);
        }

        await().atMost(WITHIN).until(() -> finished.get() == 12);
        assertThat(running).hasSize(12);
        assertThat(mostUnderWay).hasValue(3);
    }

    @Test
    void anUnreadableRecordGoesToItsHandlerAndTheRecordsAfterItAreHandled() {
        topicWith(1);
        TestKafka.send(producer, topic, 0, "broken", "not an instant");
        send(0, "fine", Instant.now());
        List<Exception> unreadable = new CopyOnWriteArrayList<>();
        List<Handled> handled = new CopyOnWriteArrayList<>();

        started(builder(record -> done(handled.add(Handled.of(record))))
                .onUnreadable((record, cause) -> done(unreadable.add(cause))));

        await().atMost(WITHIN).until(() -> handled.size() == 1);
        assertThat(unreadable).singleElement().isInstanceOf(DateTimeParseException.class);
        assertThat(handled).extracting(Handled::key).containsExactly("fine");
    }

    @Test
    void aConsumerThatFailsStartsAgainAfterTheRestartDelayAndThenHandsRecordsOver() {
        topicWith(1);
        send(0, "record", Instant.now());
        AtomicInteger subscriptions = new AtomicInteger();
        DelayQueueBuilder.Subscription failingOnce = (consumer, listener) -> {
            if (subscriptions.incrementAndGet() == 1) {
                throw new IllegalStateException("broker gone for a moment");
            }
            consumer.subscribe(List.of(topic), listener);
        };
        List<Handled> handled = new CopyOnWriteArrayList<>();
        Instant start = Instant.now();

        DelayQueue<Instant> queue = started(DelayQueue.<Instant>builder(group, failingOnce)
                .decoder(Instant::parse)
                .dueTime((record, due) -> due)
                .handler((record, due) -> done(handled.add(Handled.of(record))))
                .restartDelay(Duration.ofMillis(700)));

        await().atMost(WITHIN).until(() -> handled.size() == 1);
        assertThat(queue.restarts()).isEqualTo(1);
        assertThat(handled.get(0).at()).isAfterOrEqualTo(start.plusMillis(700));
    }

    @Test
    void theBacklogCountsTheRecordsWaitingInThisMembersPartitions() {
        topicWith(2);
        IntStream.range(0, 5).forEach(i -> send(0, "later-" + i, Instant.now().plus(Duration.ofHours(1))));
        List<Handled> handled = new CopyOnWriteArrayList<>();

        DelayQueue<Instant> queue = started(builder(record -> done(handled.add(Handled.of(record)))));

        await().atMost(WITHIN).until(() -> queue.backlog() == 5 && queue.waitingPartitions() == 1);
        assertThat(handled).isEmpty();
        assertThat(queue.inFlight()).isZero();
    }

    /** Whether a queue's consumer thread waits, in its rebalance listener, for the work under way on its partitions. */
    private static boolean aMemberWaitsForItsWorkToHandOver() {
        return Thread.getAllStackTraces().values().stream().flatMap(Arrays::stream)
                .anyMatch(frame -> frame.getClassName().equals(PartitionProgress.class.getName())
                        && frame.getMethodName().equals("awaitFinished"));
    }

    private void topicWith(int partitions) {
        topic = TestKafka.newTopic("delays", partitions, false);
        group = "delays-" + topic;
    }

    private void send(int partition, String key, Instant due) {
        TestKafka.send(producer, topic, partition, key, due.toString());
    }

    /** A queue on this test's topic whose handler does {@code work}. */
    private DelayQueueBuilder<Instant> builder(Function<ConsumerRecord<String, String>, CompletionStage<Void>> work) {
        return DelayQueue.<Instant>builder(group, DelayQueueBuilder.Subscription.of(List.of(topic)))
                .decoder(Instant::parse)
                .dueTime((record, due) -> due)
                .handler((record, due) -> work.apply(record))
                .sessionTimeout(Duration.ofSeconds(6))
                .handoverWait(Duration.ofSeconds(10))
                .backlogEvery(Duration.ofMillis(100));
    }

    private DelayQueue<Instant> started(DelayQueueBuilder<Instant> builder) {
        DelayQueue<Instant> queue = builder.build(TestKafka.clientConfig()).start();
        queues.add(queue);
        return queue;
    }

    private static CompletionStage<Void> done(boolean ignored) {
        return CompletableFuture.completedFuture(null);
    }

    /** Work that takes a little while, on another thread, as a delivery does. */
    private static CompletionStage<Void> slowly(Runnable work) {
        return CompletableFuture.runAsync(work, CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS));
    }
}
