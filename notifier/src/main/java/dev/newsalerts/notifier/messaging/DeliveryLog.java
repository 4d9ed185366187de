package dev.newsalerts.notifier.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsalerts.notifier.domain.DeliveryRecord;
import dev.newsalerts.topics.ChannelTopics;
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
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * What became of each delivery, kept in the compacted {@code news.deliveries} topic and followed by
 * every instance: it answers "was this already delivered?" after a restart or a rebalance (so
 * nothing is sent twice), serves each subscription's delivery log, and tells since when a
 * subscription's deliveries have all been failing.
 */
@ApplicationScoped
public class DeliveryLog {

    private final KafkaTable<DeliveryRecord> records;
    private final ChannelTopics kafka;
    /** Per subscription: the first failure since its last success. */
    private final Map<String, Instant> failingSince = new ConcurrentHashMap<>();

    public DeliveryLog(@Channel(Topics.DELIVERY_LOG_CHANNEL) Emitter<Record<String, String>> emitter, ObjectMapper mapper,
            ChannelTopics kafka) {
        this.records = new KafkaTable<>(Topics.DELIVERIES, DeliveryRecord.class, emitter, mapper, ParkedDeliveries.WRITE_TIMEOUT,
                this::track);
        this.kafka = kafka;
    }

    void start(@Observes StartupEvent event) {
        records.start(kafka.clientConfig(ConsumerConfig.configNames()));
    }

    void stop(@Observes ShutdownEvent event) {
        records.close();
    }

    public boolean awaitLoaded(Duration timeout) throws InterruptedException {
        return records.awaitLoaded(timeout);
    }

    public Optional<DeliveryRecord> get(String deliveryId) {
        return records.get(deliveryId);
    }

    /** Returns once the broker has it. */
    public void record(DeliveryRecord record) {
        records.put(record.deliveryId(), record);
    }

    /** A subscription's deliveries, the latest first. */
    public List<DeliveryRecord> of(String subscriptionId, int limit) {
        return records.values().stream().filter(record -> record.subscriptionId().equals(subscriptionId))
                .sorted(Comparator.comparing(DeliveryRecord::updatedAt).reversed()).limit(limit).toList();
    }

    /** Since when every delivery to the subscription has failed (as seen since start-up); empty when the last one succeeded. */
    public Optional<Instant> failingSince(String subscriptionId) {
        return Optional.ofNullable(failingSince.get(subscriptionId));
    }

    /**
     * Follows failures as they happen: records read while catching up at start-up are history (read
     * in no time order), and a record without a new attempt (parked, replayed) says nothing.
     */
    private void track(String deliveryId, DeliveryRecord record) {
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
