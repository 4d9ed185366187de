package dev.newsalerts.notifier.app;

import dev.newsalerts.notifier.domain.Delivery;
import java.util.List;

/**
 * Deliveries put aside (a port: kept in Kafka by {@code messaging/ParkedDeliveryTopics}): waiting for
 * their next attempt at {@link Delivery#dueAt}, or given up as dead letters, with the reason. Each
 * write returns once it is stored, or throws {@link KafkaWriteException}.
 */
public interface ParkedDeliveries {

    void retryLater(Delivery delivery);

    void deadLetter(Delivery delivery, String reason);

    /** The latest dead letter of each delivery of a subscription, oldest first. */
    List<Delivery> deadLettersOf(String subscriptionId);
}
