package dev.newsalerts.notifier.app;

import dev.newsalerts.kafka.Topics;
import dev.newsalerts.notifier.domain.Alert;
import dev.newsalerts.notifier.domain.Channel;
import dev.newsalerts.notifier.domain.Delivery;
import dev.newsalerts.notifier.domain.PublishedAlert;
import dev.newsalerts.notifier.domain.Subscription;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Turns each alert into one delivery per subscription of a channel that wants it (its rules, score
 * and language) and makes the first attempt of each, all at once ({@link DeliveryService}). A
 * delivery the log already knows is not made again, so an alert read twice (after a restart) is not
 * sent twice.
 */
@ApplicationScoped
public class AlertDispatcher {

    private static final Duration LOAD_WAIT = Duration.ofSeconds(30);

    private final Subscriptions subscriptions;
    private final DeliveryLog log;
    private final DeliveryService deliveries;
    private final RecentAlerts recent;

    public AlertDispatcher(Subscriptions subscriptions, DeliveryLog log, DeliveryService deliveries, RecentAlerts recent) {
        this.subscriptions = subscriptions;
        this.log = log;
        this.deliveries = deliveries;
        this.recent = recent;
    }

    /** Notes an alert as it arrives, for {@code GET /alerts/recent} and the log. */
    public void received(PublishedAlert published) {
        Alert alert = published.view();
        recent.add(alert, Instant.now());
        Log.infof("Alert %s: \"%s\" (%s)", alert.alertId(), alert.story().title(),
                alert.matches().stream().map(Alert.Match::ruleId).toList());
    }

    /**
     * Makes the first attempts of the alert's deliveries over {@code channel}, once the subscriptions
     * and the delivery log are known (it blocks until then).
     *
     * @return completes once the outcome of every delivery is in Kafka
     */
    public CompletableFuture<Void> dispatch(PublishedAlert published, Channel channel) {
        awaitState();
        Alert alert = published.view();
        Instant now = Instant.now();
        List<CompletableFuture<Void>> attempts = new ArrayList<>();
        for (Subscription subscription : subscriptions.all()) {
            if (subscription.channel() != channel) {
                continue;
            }
            Delivery delivery = Delivery.first(subscription, published, now);
            if (subscription.wanted(alert).isEmpty() || log.get(delivery.deliveryId()).isPresent()) {
                continue; // not wanted, or handled before a restart
            }
            attempts.add(deliveries.attempt(delivery).toCompletableFuture());
        }
        return CompletableFuture.allOf(attempts.toArray(CompletableFuture[]::new));
    }

    /** Subscriptions and the delivery log are read from Kafka at start-up; alerts wait for both. */
    private void awaitState() {
        try {
            while (!subscriptions.awaitLoaded(LOAD_WAIT) || !log.awaitLoaded(LOAD_WAIT)) {
                Log.warnf("Still reading %s and %s; alerts wait until both are known", Topics.SUBSCRIPTIONS, Topics.DELIVERIES);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(new IllegalStateException("interrupted while reading the subscriptions"));
        }
    }
}
