package dev.newsalerts.notifier.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The delivery log's entry for one delivery, its latest state and its last attempts: what the
 * compacted {@code news.deliveries} topic holds (key: delivery id).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeliveryRecord(String deliveryId, String subscriptionId, String alertId, String storyTitle, State state,
        int attemptCount, List<Attempt> attempts, Instant updatedAt) {

    private static final int ATTEMPTS_KEPT = 10;

    public enum State {
        /** The receiver took it (2xx, or the SMTP server accepted it). */
        @JsonProperty("delivered") DELIVERED,
        /** Failed so far; the next attempt waits in a retry topic. */
        @JsonProperty("retrying") RETRYING,
        /** Every attempt failed, or the subscription was disabled: in news.deliveries.dlq, can be replayed. */
        @JsonProperty("dead") DEAD,
        /** The receiver answered 410 Gone: the subscription was disabled. */
        @JsonProperty("gone") GONE
    }

    /** @param status HTTP status, 0 when there was none (unreachable, timeout, email) */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attempt(int number, Instant at, int status, long latencyMs, String error) {
    }

    public DeliveryRecord {
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }

    @JsonIgnore
    public boolean isFinished() {
        return state == State.DELIVERED || state == State.GONE;
    }

    /** This record with one more attempt (the last {@value #ATTEMPTS_KEPT} are kept) and a new state. */
    public static DeliveryRecord after(DeliveryRecord previous, Delivery delivery, String storyTitle, State state,
            Attempt attempt, Instant now) {
        List<Attempt> attempts = new ArrayList<>(previous == null ? List.of() : previous.attempts());
        if (attempt != null) {
            attempts.add(attempt);
        }
        if (attempts.size() > ATTEMPTS_KEPT) {
            attempts = attempts.subList(attempts.size() - ATTEMPTS_KEPT, attempts.size());
        }
        int count = (previous == null ? 0 : previous.attemptCount()) + (attempt == null ? 0 : 1);
        return new DeliveryRecord(delivery.deliveryId(), delivery.subscriptionId(), delivery.alertId(), storyTitle, state,
                count, attempts, now);
    }
}
