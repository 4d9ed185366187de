package dev.newsalerts.notifier.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * One alert on its way to one subscription: what the retry topics ({@code news.deliveries.retry.5s},
 * …) and {@code news.deliveries.dlq} hold (key: subscription id), so a retry survives restarts.
 *
 * @param alert the alert as the classifier published it (its JSON is what the topics hold)
 * @param attempts attempts made so far
 * @param dueAt when the next attempt is due
 * @param batched parked until the end of its subscription's digest window, to go out with the others
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Delivery(String deliveryId, String subscriptionId, String alertId, PublishedAlert alert, int attempts,
        Instant dueAt, String lastError, boolean batched) {

    /** The delivery of an alert to a subscription, before any attempt: its id is the same however often it is made. */
    public static Delivery first(Subscription subscription, PublishedAlert alert, Instant now) {
        String alertId = alert.view().alertId();
        return new Delivery(alertId + ":" + subscription.id(), subscription.id(), alertId, alert, 0, now, null, false);
    }

    public Delivery failed(String error, Instant nextDueAt) {
        return new Delivery(deliveryId, subscriptionId, alertId, alert, attempts + 1, nextDueAt, error, batched);
    }

    /** Parked without an attempt (its receiver is cooling down after failures), to try at {@code dueAt}. */
    public Delivery postponed(Instant nextDueAt) {
        return new Delivery(deliveryId, subscriptionId, alertId, alert, attempts, nextDueAt, lastError, batched);
    }

    /** Taken out of the dead letters to be tried again from the start. */
    public Delivery replayed(Instant now) {
        return new Delivery(deliveryId, subscriptionId, alertId, alert, 0, now, lastError, batched);
    }

    /** The same delivery of the same alert, read with more of what is known of it (its place in news.alerts). */
    public Delivery withAlert(PublishedAlert same) {
        return new Delivery(deliveryId, subscriptionId, alertId, same, attempts, dueAt, lastError, batched);
    }

    /** Parked until its digest window ends. */
    public Delivery inDigest(Instant windowEnd) {
        return new Delivery(deliveryId, subscriptionId, alertId, alert, attempts, windowEnd, lastError, true);
    }
}
