package dev.newsalerts.notifier.app;

import dev.newsalerts.notifier.domain.Subscription;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every subscription, those declared in configuration and those made through the API (a port: kept
 * in Kafka by {@code messaging/SubscriptionStore}).
 */
public interface Subscriptions {

    /** Waits until the subscriptions stored at start-up are known. */
    boolean awaitLoaded(Duration timeout) throws InterruptedException;

    /** All subscriptions, configured ones first, then by creation. */
    List<Subscription> all();

    Optional<Subscription> get(String id);

    /**
     * Writes a subscription made or changed through the API; returns once it is stored.
     *
     * @throws KafkaWriteException when Kafka did not confirm it in time
     * @throws SecretsUnavailableException when its webhook secrets cannot be encrypted (no key configured), or
     *         the stored ones could not be decrypted (writing it would lose them)
     */
    void save(Subscription subscription);

    void delete(String id);

    /**
     * Stops deliveries to a subscription, saying why (a 410 from its receiver, say).
     *
     * @return whether this call disabled it: false when it was disabled already, or is gone
     */
    boolean disable(Subscription subscription, String reason);

    /**
     * Delivers to a subscription again: a stored one is written enabled, a declared one goes back to
     * its configuration (which must enable it).
     *
     * @return it, enabled
     * @throws KafkaWriteException when Kafka did not confirm it in time
     */
    Subscription enable(Subscription subscription);
}
