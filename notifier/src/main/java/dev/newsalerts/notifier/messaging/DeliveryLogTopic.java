package dev.newsalerts.notifier.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsalerts.kafka.ChannelTopics;
import dev.newsalerts.kafka.FollowedTable;
import dev.newsalerts.kafka.Topics;
import dev.newsalerts.notifier.app.DeliveryLog;
import dev.newsalerts.notifier.config.NotifierConfig;
import dev.newsalerts.notifier.domain.DeliveryRecord;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * What became of each delivery, kept in the compacted {@code news.deliveries} topic and followed by
 * every instance: it answers "was this already delivered?" after a restart or a rebalance (so
 * nothing is sent twice), serves each subscription's delivery log, and tells since when a
 * subscription's deliveries have all been failing. Deliveries last updated longer ago than
 * {@code notifier.delivery.log-retention} are forgotten, here and (compact,delete) in the topic.
 */
@ApplicationScoped
public class DeliveryLogTopic implements DeliveryLog {

    private static final Duration SWEEP_EVERY = Duration.ofMinutes(10);
    /** A record per delivery: followed in batches, other instances' deliveries known at most this much later. */
    private static final Duration FOLLOW_BATCH_WAIT = Duration.ofMillis(500);

    private final FollowedTable<DeliveryRecord> records;
    private final ChannelTopics kafka;
    private final Duration retention;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "delivery-log-sweeper");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean topicRetentionSet;
    /** Per subscription: the first failure since its last success. */
    private final Map<String, Instant> failingSince = new ConcurrentHashMap<>();

    public DeliveryLogTopic(@Channel(Channels.DELIVERY_LOG) Emitter<Record<String, String>> emitter, ObjectMapper mapper,
            ChannelTopics kafka, NotifierConfig config) {
        this.records = JsonTables.builder(Topics.DELIVERIES, DeliveryRecord.class, mapper, emitter)
                .writeTimeout(ParkedDeliveryTopics.WRITE_TIMEOUT).listener((deliveryId, record, origin) -> track(record))
                .fetchInBatches(FOLLOW_BATCH_WAIT).build();
        this.kafka = kafka;
        this.retention = config.delivery().logRetention();
    }

    void start(@Observes StartupEvent event) {
        records.start(kafka.clientConfig(ConsumerConfig.configNames()));
        sweeper.scheduleWithFixedDelay(this::sweep, 0, SWEEP_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        sweeper.shutdownNow();
        records.close();
    }

    /** Forgets deliveries older than the retention, and has the topic delete them too (once it answers). */
    private void sweep() {
        Instant oldest = Instant.now().minus(retention);
        records.forgetIf(record -> record.updatedAt().isBefore(oldest));
        if (!topicRetentionSet) {
            topicRetentionSet = setTopicRetention();
        }
    }

    private boolean setTopicRetention() {
        try {
            return kafka.keepCompactedFor(Topics.DELIVERIES, retention);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public boolean awaitLoaded(Duration timeout) throws InterruptedException {
        return records.awaitLoaded(timeout);
    }

    @Override
    public Optional<DeliveryRecord> get(String deliveryId) {
        return records.get(deliveryId).filter(this::retained);
    }

    /** Records past the retention count as gone, whether or not the sweep has dropped them yet. */
    private boolean retained(DeliveryRecord record) {
        return record.updatedAt().isAfter(Instant.now().minus(retention));
    }

    /** Returns once the broker has it. */
    @Override
    public void record(DeliveryRecord record) {
        JsonTables.put(records, record.deliveryId(), record);
    }

    @Override
    public CompletionStage<Void> write(DeliveryRecord record) {
        return JsonTables.write(records, record.deliveryId(), record, ParkedDeliveryTopics.WRITE_TIMEOUT);
    }

    @Override
    public List<DeliveryRecord> of(String subscriptionId, int limit) {
        return records.values().stream().filter(record -> record.subscriptionId().equals(subscriptionId))
                .filter(this::retained)
                .sorted(Comparator.comparing(DeliveryRecord::updatedAt).reversed()).limit(limit).toList();
    }

    /** Since when every delivery to the subscription has failed (as seen since start-up); empty when the last one succeeded. */
    @Override
    public Optional<Instant> failingSince(String subscriptionId) {
        return Optional.ofNullable(failingSince.get(subscriptionId));
    }

    /**
     * Follows failures as they happen: records read while catching up at start-up are history (read
     * in no time order), and a record without a new attempt (parked, replayed) says nothing.
     */
    private void track(DeliveryRecord record) {
        if (record == null || !records.isLoaded()) {
            return;
        }
        if (record.state() == DeliveryRecord.State.DELIVERED) {
            failingSince.remove(record.subscriptionId());
        } else if (record.attemptCount() > 0 && record.state() != DeliveryRecord.State.GONE) {
            failingSince.putIfAbsent(record.subscriptionId(), record.updatedAt());
        }
    }
}
