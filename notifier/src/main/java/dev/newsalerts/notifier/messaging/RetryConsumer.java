package dev.newsalerts.notifier.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.newsalerts.kafka.ChannelTopics;
import dev.newsalerts.kafka.KafkaTraceContext;
import dev.newsalerts.kafka.Topics;
import dev.newsalerts.notifier.app.DeliveryMetrics;
import dev.newsalerts.notifier.app.DeliveryService;
import dev.newsalerts.notifier.app.DeliveryWorkers;
import dev.newsalerts.notifier.app.DigestCollector;
import dev.newsalerts.notifier.config.NotifierConfig;
import dev.newsalerts.notifier.domain.Delivery;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the parked deliveries ({@link RetryTiers}) and makes each one's next attempt when it is due.
 * A partition whose first record is not due yet is paused until it is, with that record left
 * unread: nothing waits in memory, and a restart or a rebalance finds it where it was. A record's
 * offset is committed once its attempt's outcome is in Kafka. When a partition moves to another
 * instance, the attempts under way on it finish and are committed first, so the new owner does not
 * make them again. At most {@code notifier.delivery.retries-in-flight} attempts run at once; beyond
 * that, reading pauses. Unreadable records go to {@code news.deliveries.dlq} with the reason.
 */
@ApplicationScoped
public class RetryConsumer {

    static final String GROUP = "notifier-retries";
    private static final Duration RECORD_AGAIN = Duration.ofSeconds(5);
    private static final Duration LONGEST_POLL = Duration.ofMillis(500);
    private static final Duration BACKLOG_EVERY = Duration.ofSeconds(10);

    private final DeliveryJson json;
    private final DeliveryService deliveries;
    private final DigestCollector digests;
    private final ParkedDeliveryTopics parked;
    private final SubscriptionStore subscriptions;
    private final DeliveryLogTopic log;
    private final ChannelTopics kafka;
    private final DeliveryWorkers workers;
    private final OpenTelemetry openTelemetry;
    private final RetryTiers tiers;
    private final int maxInFlight;

    private final Map<TopicPartition, PartitionProgress> progress = new ConcurrentHashMap<>();
    /** Partitions whose first unread record is not due yet, and when it is. Consumer thread only. */
    private final Map<TopicPartition, Instant> waiting = new HashMap<>();
    private final AtomicLong waitingHere = new AtomicLong();
    private Instant backlogCountedAt = Instant.EPOCH;
    private final Thread thread = new Thread(this::run, "delivery-retries");
    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean closed;

    public RetryConsumer(DeliveryJson json, DeliveryService deliveries, DigestCollector digests, ParkedDeliveryTopics parked,
            SubscriptionStore subscriptions, DeliveryLogTopic log, ChannelTopics kafka, DeliveryWorkers workers, DeliveryMetrics metrics,
            OpenTelemetry openTelemetry, NotifierConfig config) {
        this.json = json;
        this.deliveries = deliveries;
        this.digests = digests;
        this.parked = parked;
        this.subscriptions = subscriptions;
        this.log = log;
        this.kafka = kafka;
        this.workers = workers;
        this.openTelemetry = openTelemetry;
        this.tiers = parked.tiers();
        this.maxInFlight = config.delivery().retriesInFlight();
        thread.setDaemon(true);
        metrics.retriesWaiting(waitingHere::get);
    }

    void start(@Observes StartupEvent event) {
        thread.start();
    }

    /** Runs before the beans go, so the attempts under way can finish and be committed. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        closed = true;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        } else {
            thread.interrupt(); // still waiting for the broker or the state: nothing under way
        }
        thread.join(PartitionProgress.HANDOVER_WAIT.plusSeconds(5).toMillis());
    }

    private void run() {
        try {
            prepare();
            while (!closed) {
                try (KafkaConsumer<String, String> kafkaConsumer = newConsumer()) {
                    consumer = kafkaConsumer;
                    kafkaConsumer.subscribe(RetryTiers.TOPICS, new Handover(kafkaConsumer));
                    consume(kafkaConsumer);
                } catch (WakeupException e) {
                    return; // closing: the consumer's close has handed its partitions over
                } catch (RuntimeException e) {
                    Log.errorf(e, "Reading the parked deliveries failed; starting again in %d s", RECORD_AGAIN.toSeconds());
                    progress.clear();
                    waiting.clear();
                    TimeUnit.MILLISECONDS.sleep(RECORD_AGAIN.toMillis()); // before reconnecting
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the tier topics, the subscriptions and the delivery log, which every attempt needs. */
    private void prepare() throws InterruptedException {
        while (!closed && !kafka.createMissing(Set.copyOf(tiers.topics()))) {
            TimeUnit.MILLISECONDS.sleep(RECORD_AGAIN.toMillis()); // the broker is not there yet
        }
        Duration wait = PartitionProgress.HANDOVER_WAIT;
        while (!closed && !(subscriptions.awaitLoaded(wait) && log.awaitLoaded(wait))) {
            Log.warnf("Still reading %s and %s; parked deliveries wait until both are known", Topics.SUBSCRIPTIONS,
                    Topics.DELIVERIES);
        }
    }

    private KafkaConsumer<String, String> newConsumer() {
        Map<String, Object> config = kafka.clientConfig(ConsumerConfig.configNames());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000); // a dead instance's retries move on within 10 s
        // tiers of a new schedule are picked up within this time
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 30_000);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private void consume(KafkaConsumer<String, String> kafkaConsumer) {
        while (!closed) {
            applyPauses(kafkaConsumer);
            ConsumerRecords<String, String> records = kafkaConsumer.poll(pollTimeout());
            for (TopicPartition partition : records.partitions()) {
                for (ConsumerRecord<String, String> record : records.records(partition)) {
                    if (!take(kafkaConsumer, partition, record)) {
                        break;
                    }
                }
            }
            commit(kafkaConsumer, progress.keySet(), false);
            countBacklog(kafkaConsumer);
        }
    }

    /** The records of this instance's partitions not read yet (those waiting included), for the metric. */
    private void countBacklog(KafkaConsumer<String, String> kafkaConsumer) {
        Instant now = Instant.now();
        if (now.isBefore(backlogCountedAt.plus(BACKLOG_EVERY))) {
            return;
        }
        backlogCountedAt = now;
        Set<TopicPartition> assigned = kafkaConsumer.assignment();
        try {
            long backlog = 0;
            for (Map.Entry<TopicPartition, Long> end : kafkaConsumer.endOffsets(assigned, Duration.ofSeconds(2)).entrySet()) {
                backlog += Math.max(0, end.getValue() - kafkaConsumer.position(end.getKey(), Duration.ofSeconds(2)));
            }
            waitingHere.set(backlog);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            Log.debugf("Counting the parked deliveries timed out; the metric keeps its last value");
        }
    }

    /** @return false when the record is not due: the partition then waits, the record unread */
    private boolean take(KafkaConsumer<String, String> kafkaConsumer, TopicPartition partition,
            ConsumerRecord<String, String> record) {
        PartitionProgress partitionProgress = progress.computeIfAbsent(partition, p -> new PartitionProgress());
        Delivery delivery;
        try {
            delivery = json.read(record.value());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String reason = "not a Delivery: " + e.getMessage();
            Log.warnf("The record at offset %d of %s goes to %s: %s", record.offset(), partition, Topics.DELIVERIES_DLQ, reason);
            partitionProgress.started(record.offset(),
                    CompletableFuture.runAsync(() -> parked.deadLetterUnreadable(record.key(), record.value(), reason), workers));
            return true;
        }
        Duration wait = Duration.between(Instant.now(), delivery.dueAt());
        if (wait.compareTo(Duration.ZERO) > 0) {
            if (wait.compareTo(tiers.reach(record.topic()).orElse(wait)) > 0) {
                // written by hand or under another schedule: moved to the tier its wait belongs in
                partitionProgress.started(record.offset(), CompletableFuture.runAsync(() -> parked.retryLater(delivery), workers));
                return true;
            }
            kafkaConsumer.seek(partition, record.offset());
            waiting.put(partition, delivery.dueAt());
            return false;
        }
        Log.debugf("Delivery %s (attempts so far: %d) is due", delivery.deliveryId(), delivery.attempts());
        CompletableFuture<Void> outcome = new CompletableFuture<>();
        try (Scope scope = KafkaTraceContext.of(openTelemetry, record.headers()).makeCurrent()) {
            attemptUntilRecorded(partition, delivery, outcome);
        }
        partitionProgress.started(record.offset(), outcome);
        return true;
    }

    /**
     * Makes the attempt; when its outcome could not be written to Kafka, makes it again a little
     * later (the delivery log tells whether it went out), while the partition is still ours.
     */
    private void attemptUntilRecorded(TopicPartition partition, Delivery delivery, CompletableFuture<Void> outcome) {
        CompletableFuture<Void> attempt = delivery.batched() ? digests.collect(delivery)
                : deliveries.attempt(delivery).toCompletableFuture();
        attempt.whenComplete((done, failure) -> {
            if (failure == null) {
                outcome.complete(null);
            } else if (closed || !progress.containsKey(partition)) {
                outcome.completeExceptionally(failure);
            } else {
                Log.warnf("Outcome of delivery %s not recorded (%s); trying again in %d s", delivery.deliveryId(),
                        failure.getMessage(), RECORD_AGAIN.toSeconds());
                CompletableFuture.delayedExecutor(RECORD_AGAIN.toMillis(), TimeUnit.MILLISECONDS)
                        .execute(() -> attemptUntilRecorded(partition, delivery, outcome));
            }
        });
    }

    /** Pauses partitions whose first record is not due yet, and every partition while too many attempts run. */
    private void applyPauses(KafkaConsumer<String, String> kafkaConsumer) {
        Instant now = Instant.now();
        waiting.values().removeIf(due -> !due.isAfter(now));
        Set<TopicPartition> paused = new HashSet<>(waiting.keySet());
        int inFlight = progress.values().stream().mapToInt(PartitionProgress::inFlight).sum();
        if (inFlight >= maxInFlight) {
            paused.addAll(kafkaConsumer.assignment());
        }
        paused.retainAll(kafkaConsumer.assignment());
        Set<TopicPartition> resumed = new HashSet<>(kafkaConsumer.paused());
        resumed.removeAll(paused);
        kafkaConsumer.resume(resumed);
        kafkaConsumer.pause(paused);
    }

    private Duration pollTimeout() {
        Instant now = Instant.now();
        return waiting.values().stream().map(due -> Duration.between(now, due)).min(Duration::compareTo)
                .filter(untilDue -> untilDue.compareTo(LONGEST_POLL) < 0).map(untilDue -> untilDue.plusMillis(1))
                .orElse(LONGEST_POLL);
    }

    private void commit(KafkaConsumer<String, String> kafkaConsumer, Collection<TopicPartition> partitions, boolean sync) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            PartitionProgress partitionProgress = progress.get(partition);
            if (partitionProgress != null) {
                partitionProgress.toCommit().ifPresent(offset -> offsets.put(partition, new OffsetAndMetadata(offset)));
            }
        }
        if (offsets.isEmpty()) {
            return;
        }
        if (sync) {
            kafkaConsumer.commitSync(offsets);
            offsets.forEach((partition, offset) -> progress.get(partition).committed(offset.offset()));
        } else {
            kafkaConsumer.commitAsync(offsets, (committed, failure) -> {
                if (failure == null) {
                    committed.forEach((partition, offset) -> {
                        PartitionProgress partitionProgress = progress.get(partition);
                        if (partitionProgress != null) {
                            partitionProgress.committed(offset.offset());
                        }
                    });
                } else {
                    Log.debugf("Committing parked deliveries failed (%s); the next commit covers them", failure.getMessage());
                }
            });
        }
    }

    /** Called by the consumer, on its thread, when partitions move between instances. */
    private final class Handover implements ConsumerRebalanceListener {

        private final KafkaConsumer<String, String> kafkaConsumer;

        Handover(KafkaConsumer<String, String> kafkaConsumer) {
            this.kafkaConsumer = kafkaConsumer;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            Instant deadline = Instant.now().plus(PartitionProgress.HANDOVER_WAIT); // one wait for all, not one each
            for (TopicPartition partition : partitions) {
                PartitionProgress partitionProgress = progress.get(partition);
                try {
                    if (partitionProgress != null && !partitionProgress.awaitFinished(PartitionProgress.until(deadline))) {
                        Log.warnf("Attempts on %s still under way after %d s; its next owner may make them again",
                                partition, PartitionProgress.HANDOVER_WAIT.toSeconds());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            try {
                commit(kafkaConsumer, partitions, true);
            } catch (RuntimeException e) {
                Log.warnf("Committing %s before handing it over failed (%s); its next owner may repeat attempts", partitions,
                        e.getMessage());
            }
            forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            Log.debugf("Parked deliveries: reading %s", partitions);
        }

        private void forget(Collection<TopicPartition> partitions) {
            partitions.forEach(partition -> {
                progress.remove(partition);
                waiting.remove(partition);
            });
        }
    }
}
