package dev.newsalerts.notifier.app;

import dev.newsalerts.notifier.domain.DeliveryRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * What became of each delivery (a port: kept in Kafka by {@code messaging/DeliveryLogTopic}): it
 * answers "was this already delivered?" after a restart or a rebalance, so nothing is sent twice.
 */
public interface DeliveryLog {

    /** Waits until the records stored at start-up are known. */
    boolean awaitLoaded(Duration timeout) throws InterruptedException;

    Optional<DeliveryRecord> get(String deliveryId);

    /** Returns once the record is stored. @throws KafkaWriteException */
    void record(DeliveryRecord record);

    /**
     * Holds the record here at once (so {@link #get} knows it), and writes it without waiting.
     *
     * @return completes once the broker has it, or fails with {@link KafkaWriteException}
     */
    CompletionStage<Void> write(DeliveryRecord record);

    /** A subscription's deliveries, the latest first. */
    List<DeliveryRecord> of(String subscriptionId, int limit);

    /** Since when every delivery to the subscription has failed; empty when the last one succeeded. */
    Optional<Instant> failingSince(String subscriptionId);
}
