package dev.newsalerts.notifier.app;

import dev.newsalerts.notifier.app.DeliveryMetrics.Outcome;
import dev.newsalerts.notifier.domain.Channel;
import dev.newsalerts.notifier.domain.Delivery;
import dev.newsalerts.notifier.domain.DeliveryRecord;
import dev.newsalerts.notifier.domain.DeliveryRecord.Attempt;
import dev.newsalerts.notifier.domain.DeliveryRecord.State;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * What became of a delivery, written in one place: parked for its next attempt or as a dead letter,
 * then recorded in the delivery log (so the log never shows a retry that is not parked yet), and
 * counted in {@code notifier_deliveries_total}. Each method returns once Kafka has it all, or throws
 * {@link KafkaWriteException}; but {@link #delivered}, the common case, returns at once and tells
 * when Kafka has it.
 */
@ApplicationScoped
public class DeliveryOutcomes {

    /**
     * A delivery whose outcome is being written.
     *
     * @param previous what the delivery log knew of it before, or null
     * @param storyTitle the title the log shows for it
     * @param channel the channel the metrics count it under
     */
    public record Pending(Delivery delivery, DeliveryRecord previous, String storyTitle, Channel channel) {
    }

    private final DeliveryLog log;
    private final ParkedDeliveries parked;
    private final DeliveryMetrics metrics;

    public DeliveryOutcomes(DeliveryLog log, ParkedDeliveries parked, DeliveryMetrics metrics) {
        this.log = log;
        this.parked = parked;
        this.metrics = metrics;
    }

    /**
     * The receiver took it. The log knows it at once; its record goes to Kafka without holding the
     * caller's thread.
     *
     * @return completes once Kafka has it, or fails with {@link KafkaWriteException}
     */
    public CompletionStage<Void> delivered(Pending pending, Attempt attempt, Duration took) {
        metrics.delivered(pending.channel(), took);
        return log.write(DeliveryRecord.after(pending.previous(), pending.delivery(), pending.storyTitle(), State.DELIVERED, attempt,
                Instant.now()));
    }

    /** The attempt failed; the next one is parked until {@code nextAttempt}. */
    public void retrying(Pending pending, Attempt attempt, String error, Instant nextAttempt) {
        metrics.count(pending.channel(), Outcome.FAILED);
        parked.retryLater(pending.delivery().failed(error, nextAttempt));
        record(pending, State.RETRYING, attempt);
    }

    /** Parked without an attempt until {@code dueAt}: its receiver is cooling down after failures, or busy. */
    public void postponed(Pending pending, Instant dueAt) {
        metrics.count(pending.channel(), Outcome.POSTPONED);
        parked.retryLater(pending.delivery().postponed(dueAt));
        // Parked again without an attempt, the log would only get a new time: a broken receiver's backlog,
        // parked again each time it comes due, would write it all to the log again each time.
        if (pending.previous() == null || pending.previous().state() != State.RETRYING) {
            record(pending, State.RETRYING, null);
        }
    }

    /** Parked until its digest window ends, to go out in one mail with the others of the window. */
    public void batched(Pending pending, Instant windowEnd) {
        parked.retryLater(pending.delivery().inDigest(windowEnd));
        record(pending, State.RETRYING, null);
    }

    /**
     * Given up: parked as a dead letter with the reason, to be replayed through the API.
     *
     * @param dead the delivery as it goes to the dead letters
     * @param attempt the last attempt, or null when none was made
     */
    public void dead(Pending pending, Delivery dead, Attempt attempt, String reason) {
        metrics.count(pending.channel(), Outcome.DEAD);
        Log.warnf("Delivery %s to subscription %s given up: %s", dead.deliveryId(), dead.subscriptionId(), reason);
        parked.deadLetter(dead, reason);
        record(pending, State.DEAD, attempt);
    }

    /**
     * Its receiver answered 410 Gone; the caller has disabled the subscription. Parked as a dead
     * letter, replayed when the subscription is enabled again.
     */
    public void gone(Pending pending, Delivery dead, Attempt attempt) {
        metrics.count(pending.channel(), Outcome.GONE);
        parked.deadLetter(dead, "the receiver answered 410 Gone");
        record(pending, State.GONE, attempt);
    }

    /** A second copy of a delivery under way here: parked unchanged until {@code dueAt}; the log is the first copy's to write. */
    public void parkedCopy(Delivery delivery, Instant dueAt) {
        parked.retryLater(delivery.postponed(dueAt));
    }

    /** A dead letter taken back, to be tried again from the first attempt. */
    public void replayed(Delivery dead, DeliveryRecord previous, Instant now) {
        // The log first: the retry consumer skips a delivery whose log shows more attempts than it carries.
        log.record(new DeliveryRecord(dead.deliveryId(), dead.subscriptionId(), dead.alertId(),
                previous == null ? null : previous.storyTitle(), State.RETRYING, 0,
                previous == null ? List.of() : previous.attempts(), now));
        parked.retryLater(dead.replayed(now));
    }

    /** The log's account of an attempt that started at {@code start} and ends now. @param status 0 when there was none */
    static Attempt attempt(Delivery delivery, Instant start, int status, String error) {
        return new Attempt(delivery.attempts() + 1, start, status, Duration.between(start, Instant.now()).toMillis(), error);
    }

    private void record(Pending pending, State state, Attempt attempt) {
        log.record(DeliveryRecord.after(pending.previous(), pending.delivery(), pending.storyTitle(), state, attempt,
                Instant.now()));
    }
}
