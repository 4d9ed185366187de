package dev.newsalerts.notifier.app;

import dev.newsalerts.notifier.app.DeliveryOutcomes.Pending;
import dev.newsalerts.notifier.config.NotifierConfig;
import dev.newsalerts.notifier.domain.Alert;
import dev.newsalerts.notifier.domain.Channel;
import dev.newsalerts.notifier.domain.Delivery;
import dev.newsalerts.notifier.domain.DeliveryRecord;
import dev.newsalerts.notifier.domain.DigestWindow;
import dev.newsalerts.notifier.domain.RetrySchedule;
import dev.newsalerts.notifier.domain.Subscription;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Makes one attempt of a delivery and has its outcome written ({@link DeliveryOutcomes}) before the
 * caller acknowledges its source record: delivered, to be retried (parked until its next attempt,
 * per the retry schedule and Retry-After), given up (a dead letter), or gone (410: the subscription
 * is disabled). A delivery the log already knows the outcome of is not attempted again, so restarts
 * and rebalances send nothing twice.
 */
@ApplicationScoped
public class DeliveryService {

    private static final int GONE = 410;
    private static final int CONTENT_TOO_LARGE = 413;
    /**
     * A delivery waiting for one of its receiver's in-flight slots is parked once the receiver has
     * freed none for this long: it is slow or stuck, not merely busy. A receiver that keeps answering
     * gives each waiting delivery its turn, holding no thread meanwhile (a wait of 200 ms, and a
     * thread held for it, parked a healthy receiver's deliveries for 5 s whenever a pause on a busy
     * machine kept its slots full that long).
     */
    private static final Duration SLOT_STALL = Duration.ofSeconds(1);
    /**
     * Longest a delivery waits in memory for its turn under its receiver's rate limit, or for a slot;
     * one whose turn is further away is parked until then (its alert's offset would otherwise stay
     * uncommitted, and a slow receiver's queue would hold the alerts the other receivers wait for).
     */
    private static final Duration LONGEST_PACED_WAIT = Duration.ofSeconds(2);
    /**
     * Longest an email waits for a slot of a mail server that keeps answering. Emails are read in a
     * consumer group of their own, so waiting holds back only emails, which Kafka keeps until then;
     * parking them instead added a retry-topic and a delivery-log write per email for the same
     * server to take later (31,000 emails at 1,000 stories/s for 5 minutes).
     */
    private static final Duration LONGEST_EMAIL_SLOT_WAIT = Duration.ofSeconds(30);
    private static final CompletionStage<Void> RECORDED = CompletableFuture.completedFuture(null);

    private final Subscriptions subscriptions;
    private final DeliveryLog log;
    private final DeliveryOutcomes outcomes;
    private final AlertSender sender;
    private final ReceiverPacing pacer;
    private final DeliveryWorkers workers;
    private final DeliverySpans spans;
    private final RetrySchedule schedule;
    private final Duration disableAfter;
    private final OwnerNotices owners;

    /** Deliveries being attempted in this instance: a second copy of one (a re-read record) waits its turn. */
    private final Set<String> inProgress = ConcurrentHashMap.newKeySet();

    public DeliveryService(Subscriptions subscriptions, DeliveryLog log, DeliveryOutcomes outcomes, AlertSender sender,
            ReceiverPacing pacer, DeliveryWorkers workers, DeliverySpans spans, OwnerNotices owners, NotifierConfig config) {
        this.subscriptions = subscriptions;
        this.log = log;
        this.outcomes = outcomes;
        this.sender = sender;
        this.pacer = pacer;
        this.workers = workers;
        this.spans = spans;
        this.schedule = new RetrySchedule(config.delivery().retrySchedule(), config.delivery().jitter());
        this.disableAfter = config.delivery().disableAfter();
        this.owners = owners;
    }

    /**
     * Completes once the outcome of the attempt is safely in Kafka. A delivery over its receiver's
     * rate waits for its turn on a timer, and for a free slot in a queue, holding no thread, and is
     * then tried.
     */
    public CompletionStage<Void> attempt(Delivery delivery) {
        return attempt(delivery, workers);
    }

    /** The next attempt of a parked delivery that came due, as {@link #attempt}, on the threads of retries. */
    public CompletionStage<Void> attemptAgain(Delivery delivery) {
        return attempt(delivery, workers.retrying());
    }

    private CompletionStage<Void> attempt(Delivery delivery, Executor threads) {
        Context trace = Context.current();
        return CompletableFuture.supplyAsync(trace.wrapSupplier(() -> prepare(delivery)), threads).thenCompose(ready -> {
            if (ready.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            Duration wait = ready.get().turnIn();
            Executor sender = workers.sending(ready.get().subscription().channel(), threads);
            if (wait.isZero()) {
                return sendAtTurn(ready.get(), trace, sender, sender == threads);
            }
            return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(wait.toNanos(), TimeUnit.NANOSECONDS, sender))
                    .thenCompose(atTurn -> sendAtTurn(ready.get(), trace, sender, true));
        });
    }

    /** One attempt, made on the caller's thread (waiting for its turn and a slot). */
    void attemptNow(Delivery delivery) {
        Optional<Ready> ready = prepare(delivery);
        if (ready.isPresent()) {
            LockSupport.parkNanos(ready.get().turnIn().toNanos());
            try {
                boolean granted = slot(ready.get().subscription()).join();
                sendWithSlot(ready.get(), granted).toCompletableFuture().join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
    }

    /**
     * Takes one of the receiver's slots, then sends: at once on this thread when a slot is free and
     * this is one of the sender's threads, else on the sender's threads once a slot is free.
     */
    private CompletionStage<Void> sendAtTurn(Ready ready, Context trace, Executor sender, boolean onSender) {
        CompletableFuture<Boolean> slot = slot(ready.subscription());
        Function<Boolean, CompletionStage<Void>> withSlot = trace.wrapFunction(granted -> sendWithSlot(ready, granted));
        return slot.isDone() && onSender ? slot.thenCompose(withSlot) : slot.thenComposeAsync(withSlot, sender);
    }

    private CompletableFuture<Boolean> slot(Subscription subscription) {
        return pacer.slot(subscription.id(), SLOT_STALL,
                subscription.channel() == Channel.EMAIL ? LONGEST_EMAIL_SLOT_WAIT : LONGEST_PACED_WAIT);
    }

    /** A delivery to be tried at its turn; until then its id stays among those in progress. */
    private record Ready(Subscription subscription, Pending pending, Alert alert, List<Alert.Match> wanted, Duration turnIn) {
    }

    private Optional<Ready> prepare(Delivery delivery) {
        if (!inProgress.add(delivery.deliveryId())) {
            Log.debugf("Delivery %s is being attempted already; this copy is parked", delivery.deliveryId());
            outcomes.parkedCopy(delivery, Instant.now().plus(schedule.steps().get(0)));
            return Optional.empty();
        }
        Optional<Ready> ready = Optional.empty();
        try {
            ready = decide(delivery);
            return ready;
        } finally {
            if (ready.isEmpty()) {
                inProgress.remove(delivery.deliveryId());
            }
        }
    }

    /** Whether to try the delivery, and when: each other case (done, dropped, batched, held back) is dealt with here. */
    private Optional<Ready> decide(Delivery delivery) {
        Optional<DeliveryRecord> known = log.get(delivery.deliveryId());
        if (known.isPresent() && (known.get().isFinished() || known.get().attemptCount() > delivery.attempts())) {
            Log.debugf("Delivery %s already %s", delivery.deliveryId(), known.get().state());
            return Optional.empty();
        }
        Optional<Subscription> found = subscriptions.get(delivery.subscriptionId());
        if (found.isEmpty()) {
            Log.infof("Dropping delivery %s: subscription %s no longer exists", delivery.deliveryId(), delivery.subscriptionId());
            return Optional.empty();
        }
        Subscription subscription = found.get();
        Alert alert = delivery.alert().view();
        Pending pending = new Pending(delivery, known.orElse(null), alert.story().title(), subscription.channel());
        Instant now = Instant.now();
        if (!subscription.enabled()) {
            outcomes.dead(pending, delivery, null, "subscription disabled: " + subscription.disabledReason());
            return Optional.empty();
        }
        List<Alert.Match> wanted = subscription.wanted(alert);
        if (wanted.isEmpty() && delivery.attempts() == 0) {
            return Optional.empty(); // changed its rules since the alert was matched to it
        }
        if (subscription.digest() != null && !delivery.batched()) {
            outcomes.batched(pending, DigestWindow.end(now, DigestWindow.parse(subscription.digest())));
            return Optional.empty();
        }
        Optional<Instant> hold = pacer.holdUntil(subscription.id(), now, schedule.steps().get(0));
        if (hold.isPresent()) {
            // Its receiver failed lately, or is slow: park the delivery rather than try it or hold a thread waiting.
            outcomes.postponed(pending, hold.get());
            return Optional.empty();
        }
        ReceiverPacing.Turn turn = pacer.nextTurn(subscription.id(), LONGEST_PACED_WAIT);
        if (!turn.taken()) {
            // far over its rate limit: parked until about its turn, an attempt delayed, not failed
            outcomes.postponed(pending, now.plus(turn.delay()));
            return Optional.empty();
        }
        return Optional.of(new Ready(subscription, pending, alert, wanted, turn.delay()));
    }

    /**
     * Makes the attempt with the slot granted, and frees it as soon as the receiver has answered; a
     * delivery that got none is parked.
     *
     * @return completes once the outcome is in Kafka
     */
    private CompletionStage<Void> sendWithSlot(Ready ready, boolean granted) {
        Subscription subscription = ready.subscription();
        try {
            if (!granted) {
                pacer.congested(subscription.id(), Instant.now());
                outcomes.postponed(ready.pending(), Instant.now().plus(schedule.steps().get(0)));
                return RECORDED;
            }
            try {
                return send(subscription, ready.pending(), ready.alert(), ready.wanted());
            } finally {
                pacer.release(subscription.id());
            }
        } finally {
            inProgress.remove(ready.pending().delivery().deliveryId());
        }
    }

    /** @return completes once the outcome is in Kafka: a delivered one is written without waiting, a failed one before returning */
    private CompletionStage<Void> send(Subscription subscription, Pending pending, Alert alert, List<Alert.Match> wanted) {
        Delivery delivery = pending.delivery();
        Instant start = Instant.now();
        // The attempt's span is current while the receiver is called, so the webhook request carries its trace.
        Span span = spans.start(subscription, delivery);
        try (Scope scope = span.makeCurrent()) {
            List<Alert.Match> matches = wanted.isEmpty() ? alert.matches() : wanted;
            int status = sender.send(subscription, delivery.alert(), matches);
            pacer.succeeded(subscription.id());
            Log.debugf("Delivery %s done (attempt %d)", delivery.deliveryId(), delivery.attempts() + 1);
            return outcomes.delivered(pending, DeliveryOutcomes.attempt(delivery, start, status, null),
                    Duration.between(start, Instant.now()));
        } catch (DeliveryException e) {
            DeliverySpans.failed(span, e);
            failed(subscription, pending, start, e);
        } catch (RuntimeException e) {
            // a bug or a surprise from a library: still a failed attempt, retried and visible in the log
            Log.errorf(e, "Delivery %s: unexpected failure", delivery.deliveryId());
            DeliverySpans.failed(span, e);
            failed(subscription, pending, start, new DeliveryException(e.toString(), e));
        } finally {
            span.end();
        }
        return RECORDED;
    }

    private void failed(Subscription subscription, Pending pending, Instant start, DeliveryException e) {
        Delivery delivery = pending.delivery();
        Instant now = Instant.now();
        DeliveryRecord.Attempt attempt = DeliveryOutcomes.attempt(delivery, start, e.status(), e.getMessage());
        if (e.status() == GONE || e.status() == CONTENT_TOO_LARGE) {
            // An answer, not an outage: were this attempt the probe after a cool-down, the others would wait for it in vain.
            pacer.succeeded(subscription.id());
        }
        if (e.status() == GONE) {
            disable(subscription, "its receiver answered 410 Gone at " + now);
            outcomes.gone(pending, delivery.failed(e.getMessage(), now), attempt);
            return;
        }
        if (e.status() == CONTENT_TOO_LARGE) {
            // the same payload would be refused again: not retried, replayable once the receiver takes it
            outcomes.dead(pending, delivery.failed(e.getMessage(), now), attempt,
                    "the receiver refuses a payload this large (413); not retried");
            return;
        }
        Optional<Instant> next = schedule.next(delivery.attempts() + 1, now, e.retryAfter());
        pacer.failed(subscription.id(), now, next.orElse(now)); // after the last attempt, the receiver's own cool-down
        if (next.isPresent()) {
            Log.infof("Delivery %s to subscription %s failed (attempt %d of %d, %s); next attempt at %s",
                    delivery.deliveryId(), subscription.id(), delivery.attempts() + 1, schedule.maxAttempts(), e.getMessage(),
                    next.get());
            outcomes.retrying(pending, attempt, e.getMessage(), next.get());
        } else {
            outcomes.dead(pending, delivery.failed(e.getMessage(), now), attempt,
                    "all " + schedule.maxAttempts() + " attempts failed, the last: " + e.getMessage());
        }
        Optional<Instant> failingSince = log.failingSince(subscription.id());
        if (failingSince.isPresent() && failingSince.get().plus(disableAfter).isBefore(now)) {
            disable(subscription, "every delivery has failed since " + failingSince.get() + " (the last: "
                    + e.getMessage() + ")");
        }
    }

    private void disable(Subscription subscription, String reason) {
        if (subscriptions.disable(subscription, reason)) {
            owners.disabled(subscription, reason);
        }
    }
}
