package dev.newsalerts.kafka;

import io.quarkus.logging.Log;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Records that wait in Kafka until they are due, read head-first by a consumer group: a partition
 * whose first unread record is not due yet is paused until it is, with that record left unread, so
 * nothing waits in memory and a restart or a rebalance finds it where it was. Due records go to the
 * service's {@link Handler}; a partition's offset is committed, in order, as its handlers finish. At
 * most {@code maxInFlight} handlers run at once; beyond that, reading pauses. When partitions move
 * to another member, and on {@link #close}, the handlers under way on them finish (for at most the
 * handover wait) and are committed first. When the consumer fails, it starts again after a delay.
 * Built with {@link DelayQueueBuilder}.
 */
public final class DelayQueue<T> implements AutoCloseable {

    /** Turns a record's value into what the service handles. */
    @FunctionalInterface
    public interface Decoder<T> {
        /** @throws Exception when the record is unreadable: it goes to the {@link Unreadable} handler */
        T decode(String value) throws Exception;
    }

    /** When a record is due. */
    @FunctionalInterface
    public interface DueTime<T> {
        Instant dueAt(ConsumerRecord<String, String> record, T value);
    }

    /** Does the work of a due record, called on the consumer thread: it should start the work and return. */
    @FunctionalInterface
    public interface Handler<T> {
        /** @return completes when the work is done; failed, the record stays unfinished until a restart or rebalance */
        CompletionStage<Void> handle(ConsumerRecord<String, String> record, T value);
    }

    /** Takes a record that could not be decoded or timed (to a dead-letter topic, say). */
    @FunctionalInterface
    public interface Unreadable {
        /** @return completes when the record is dealt with; its offset is committed then */
        CompletionStage<Void> handle(ConsumerRecord<String, String> record, Exception cause);
    }

    private final DelayQueueSettings<T> settings;
    private final Map<String, Object> config;
    private final PartitionLedger ledger;
    private final WaitingPartitions waiting = new WaitingPartitions();
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicInteger waitingCount = new AtomicInteger();
    private final AtomicInteger restarts = new AtomicInteger();
    /** The first handler failure since the consumer (re)started; the consumer thread starts again on it. */
    private final AtomicReference<Throwable> handlerFailure = new AtomicReference<>();
    private final Object slotFreed = new Object();
    private final Thread thread;
    private Instant backlogCountedAt = Instant.EPOCH;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean closed;

    DelayQueue(DelayQueueSettings<T> settings, Map<String, Object> config) {
        this.settings = settings;
        this.config = config;
        this.ledger = new PartitionLedger(this::slotFreed, settings.handoverWait());
        this.thread = new Thread(this::run, "delay-queue-" + config.get(ConsumerConfig.GROUP_ID_CONFIG));
        thread.setDaemon(true);
    }

    public static <T> DelayQueueBuilder<T> builder(String groupId, DelayQueueBuilder.Subscription topics) {
        return new DelayQueueBuilder<>(groupId, topics);
    }

    public DelayQueue<T> start() {
        thread.start();
        return this;
    }

    /** Whether the partition is still this member's, and the queue open: work for it may still be committed. */
    public boolean holds(TopicPartition partition) {
        return !closed && ledger.holds(partition);
    }

    /** The records of this member's partitions not read yet (waiting ones included), as last counted. */
    public long backlog() {
        return backlog.get();
    }

    /** The partitions of this member waiting for their first record to fall due, as of the last poll. */
    public int waitingPartitions() {
        return waitingCount.get();
    }

    /** The handlers under way. */
    public int inFlight() {
        return ledger.inFlight();
    }

    /** How many times the consumer failed and was started again. */
    public int restarts() {
        return restarts.get();
    }

    private void run() {
        try {
            settings.preparation().await();
            while (!closed) {
                try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(config, new StringDeserializer(),
                        new StringDeserializer())) {
                    consumer = kafka;
                    settings.topics().subscribe(kafka, new Handover(kafka));
                    consume(kafka);
                } catch (WakeupException e) {
                    return; // closing: the consumer's close has handed its partitions over
                } catch (RuntimeException e) {
                    if (closed) {
                        return;
                    }
                    restarts.incrementAndGet();
                    Log.errorf(e, "Reading %s failed; starting again in %d ms", settings.topics(), settings.restartDelay().toMillis());
                    ledger.clear();
                    waiting.clear();
                    handlerFailure.set(null);
                    consumer = null;
                    TimeUnit.MILLISECONDS.sleep(settings.restartDelay().toMillis()); // before reconnecting
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void consume(KafkaConsumer<String, String> kafka) {
        while (!closed) {
            Throwable failure = handlerFailure.getAndSet(null);
            if (failure != null) {
                throw new IllegalStateException("a handler failed (" + failure + "); its record and those after it are read again",
                        failure);
            }
            Instant now = Instant.now();
            applyPauses(kafka, now);
            Duration timeout = waiting.pollTimeout(now, settings.longestPoll());
            if (inFlight() >= settings.maxInFlight()) {
                awaitFreeSlot(timeout); // reading resumes as soon as a handler finishes, not at the end of a poll
                timeout = Duration.ZERO;
            }
            ConsumerRecords<String, String> records = kafka.poll(timeout);
            for (TopicPartition partition : records.partitions()) {
                for (ConsumerRecord<String, String> record : records.records(partition)) {
                    if (!take(kafka, partition, record)) {
                        break;
                    }
                }
            }
            waitingCount.set(waiting.size());
            ledger.commitAsync(kafka);
            countBacklog(kafka);
        }
    }

    private void awaitFreeSlot(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (slotFreed) {
            long left;
            while (inFlight() >= settings.maxInFlight() && (left = deadline - System.nanoTime()) > 0) {
                try {
                    slotFreed.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void slotFreed() {
        synchronized (slotFreed) {
            slotFreed.notifyAll();
        }
    }

    /** @return false when the record is not taken now: the partition then waits, the record unread */
    private boolean take(KafkaConsumer<String, String> kafka, TopicPartition partition, ConsumerRecord<String, String> record) {
        PartitionProgress partitionProgress = ledger.of(partition);
        if (inFlight() >= settings.maxInFlight()) {
            kafka.seek(partition, record.offset());
            return false;
        }
        T value;
        Instant due;
        try {
            value = settings.decoder().decode(record.value());
            due = settings.dueTime().dueAt(record, value);
        } catch (Exception e) {
            Log.debugf("The record at offset %d of %s is unreadable: %s", record.offset(), partition, e.getMessage());
            partitionProgress.started(record.offset(), started(() -> settings.unreadable().handle(record, e)));
            return true;
        }
        if (due.isAfter(Instant.now())) {
            kafka.seek(partition, record.offset());
            waiting.waitUntil(partition, due);
            return false;
        }
        partitionProgress.started(record.offset(), started(() -> settings.handler().handle(record, value)));
        return true;
    }

    /** The handler's work; a failure makes the consumer start again, from the first record not finished. */
    private CompletableFuture<Void> started(Supplier<CompletionStage<Void>> work) {
        CompletableFuture<Void> future;
        try {
            future = work.get().toCompletableFuture();
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        future.whenComplete((done, failure) -> {
            if (failure != null) {
                handlerFailure.compareAndSet(null, failure);
            }
        });
        return future;
    }

    /** Pauses partitions whose first record is not due yet, and every partition while too many handlers run. */
    private void applyPauses(KafkaConsumer<String, String> kafka, Instant now) {
        waiting.releaseDue(now);
        Set<TopicPartition> paused = new HashSet<>(waiting.partitions());
        if (inFlight() >= settings.maxInFlight()) {
            paused.addAll(kafka.assignment());
        }
        paused.retainAll(kafka.assignment());
        Set<TopicPartition> resumed = new HashSet<>(kafka.paused());
        resumed.removeAll(paused);
        kafka.resume(resumed);
        kafka.pause(paused);
    }

    private void countBacklog(KafkaConsumer<String, String> kafka) {
        Instant now = Instant.now();
        if (now.isBefore(backlogCountedAt.plus(settings.backlogEvery()))) {
            return;
        }
        backlogCountedAt = now;
        try {
            long count = 0;
            for (Map.Entry<TopicPartition, Long> end : kafka.endOffsets(kafka.assignment(), Duration.ofSeconds(2)).entrySet()) {
                count += Math.max(0, end.getValue() - kafka.position(end.getKey(), Duration.ofSeconds(2)));
            }
            backlog.set(count);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            Log.debugf("Counting the backlog of %s timed out; it keeps its last value", settings.topics());
        }
    }

    /** Called by the consumer, on its thread, when partitions move between members (and when it closes). */
    private final class Handover implements ConsumerRebalanceListener {

        private final KafkaConsumer<String, String> kafka;

        Handover(KafkaConsumer<String, String> kafka) {
            this.kafka = kafka;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            ledger.handOver(kafka, partitions);
            waiting.forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            Log.warnf("Delay queue %s lost %s without handing them over (its session expired); their next owner may repeat"
                    + " the %d handlers under way", settings.topics(), partitions, ledger.inFlight());
            forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            Log.debugf("Delay queue %s: reading %s", settings.topics(), partitions);
        }

        private void forget(Collection<TopicPartition> partitions) {
            ledger.forget(partitions);
            waiting.forget(partitions);
        }
    }

    /**
     * Stops: the work under way finishes (for at most the handover wait) and is committed, and the
     * partitions go to the other members.
     */
    @Override
    public void close() {
        closed = true;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        } else {
            thread.interrupt(); // still preparing or waiting to start again: nothing under way
        }
        try {
            thread.join(settings.handoverWait().plusSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
