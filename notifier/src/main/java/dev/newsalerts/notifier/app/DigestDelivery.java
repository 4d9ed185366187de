package dev.newsalerts.notifier.app;

import dev.newsalerts.notifier.app.DeliveryOutcomes.Pending;
import dev.newsalerts.notifier.config.NotifierConfig;
import dev.newsalerts.notifier.domain.Alert;
import dev.newsalerts.notifier.domain.Channel;
import dev.newsalerts.notifier.domain.Delivery;
import dev.newsalerts.notifier.domain.DeliveryRecord;
import dev.newsalerts.notifier.domain.PublishedAlert;
import dev.newsalerts.notifier.domain.RetrySchedule;
import dev.newsalerts.notifier.domain.Subscription;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Sends the deliveries of one digest window of an email subscription as one mail, and has the
 * outcome of each written; on failure they are parked together, to go out together again.
 */
@ApplicationScoped
public class DigestDelivery {

    private final Subscriptions subscriptions;
    private final DeliveryLog log;
    private final DeliveryOutcomes outcomes;
    private final AlertSender sender;
    private final DeliveryService deliveries;
    private final DeliveryWorkers workers;
    private final RetrySchedule schedule;

    public DigestDelivery(Subscriptions subscriptions, DeliveryLog log, DeliveryOutcomes outcomes, AlertSender sender,
            DeliveryService deliveries, DeliveryWorkers workers, NotifierConfig config) {
        this.subscriptions = subscriptions;
        this.log = log;
        this.outcomes = outcomes;
        this.sender = sender;
        this.deliveries = deliveries;
        this.workers = workers;
        this.schedule = new RetrySchedule(config.delivery().retrySchedule(), config.delivery().jitter());
    }

    /** Completes once the outcome of every delivery of the batch is in Kafka. */
    public CompletionStage<Void> attempt(String subscriptionId, List<Delivery> batch) {
        return CompletableFuture.runAsync(() -> attemptNow(subscriptionId, batch), workers);
    }

    private void attemptNow(String subscriptionId, List<Delivery> batch) {
        Set<String> seen = new HashSet<>();
        List<Delivery> open = batch.stream().filter(delivery -> seen.add(delivery.deliveryId()))
                .filter(delivery -> log.get(delivery.deliveryId())
                        .map(record -> !record.isFinished() && record.attemptCount() <= delivery.attempts()).orElse(true))
                .toList();
        Optional<Subscription> subscription = subscriptions.get(subscriptionId).filter(Subscription::enabled);
        if (open.isEmpty() || subscription.isEmpty()) {
            open.forEach(deliveries::attemptNow); // each dropped or given up, saying why
            return;
        }
        List<PublishedAlert> alerts = open.stream().map(Delivery::alert).toList();
        Instant start = Instant.now();
        int attempts = open.stream().mapToInt(Delivery::attempts).max().orElse(0);
        try {
            sender.sendDigest(subscription.get(), alerts);
            Duration took = Duration.between(start, Instant.now());
            CompletableFuture<?>[] recorded = new CompletableFuture<?>[open.size()];
            for (int i = 0; i < open.size(); i++) {
                recorded[i] = outcomes.delivered(pending(open.get(i), alerts.get(i).view()),
                        DeliveryOutcomes.attempt(open.get(i), start, 0, null), took).toCompletableFuture();
            }
            CompletableFuture.allOf(recorded).join();
        } catch (DeliveryException e) {
            Log.warnf("Digest of %d alerts to subscription %s failed (attempt %d): %s", open.size(), subscriptionId,
                    attempts + 1, e.getMessage());
            Optional<Instant> next = schedule.next(attempts + 1, Instant.now(), null);
            for (int i = 0; i < open.size(); i++) {
                Delivery delivery = open.get(i);
                Pending pending = pending(delivery, alerts.get(i).view());
                DeliveryRecord.Attempt attempt = DeliveryOutcomes.attempt(delivery, start, 0, e.getMessage());
                if (next.isPresent()) {
                    outcomes.retrying(pending, attempt, e.getMessage(), next.get());
                } else {
                    outcomes.dead(pending, delivery.failed(e.getMessage(), Instant.now()), attempt,
                            "all " + schedule.maxAttempts() + " attempts failed, the last: " + e.getMessage());
                }
            }
        }
    }

    private Pending pending(Delivery delivery, Alert alert) {
        return new Pending(delivery, log.get(delivery.deliveryId()).orElse(null), alert.story().title(), Channel.EMAIL);
    }
}
