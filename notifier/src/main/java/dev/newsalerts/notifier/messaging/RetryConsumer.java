package dev.newsalerts.notifier.messaging;

import dev.newsalerts.kafka.ChannelTopics;
import dev.newsalerts.kafka.DelayQueue;
import dev.newsalerts.kafka.DelayQueueBuilder;
import dev.newsalerts.kafka.KafkaTraceContext;
import dev.newsalerts.kafka.Topics;
import dev.newsalerts.notifier.app.DeliveryMetrics;
import dev.newsalerts.notifier.app.DeliveryService;
import dev.newsalerts.notifier.app.DeliveryWorkers;
import dev.newsalerts.notifier.app.DigestCollector;
import dev.newsalerts.notifier.config.NotifierConfig;
import dev.newsalerts.notifier.domain.Delivery;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the parked deliveries ({@link RetryTiers}) and makes each one's next attempt when it is due,
 * as the Kafka library's {@link DelayQueue}: a partition whose first record is not due yet is paused
 * until it is, with that record left unread; a record's offset is committed once its attempt's
 * outcome is in Kafka; when a partition moves to another instance, the attempts under way on it
 * finish and are committed first. At most {@code notifier.delivery.retries-in-flight} attempts run at
 * once. Unreadable records go to {@code news.deliveries.dlq} with the reason; a delivery waiting
 * longer than its tier's reach is parked again, in the tier its wait belongs in.
 */
@ApplicationScoped
public class RetryConsumer {

    static final String GROUP = "notifier-retries";
    /** A failed reader starts again, and an outcome not recorded is tried again, after this long. */
    private static final Duration RECORD_AGAIN = Duration.ofSeconds(5);
    /** A dead instance's retries move on within this time. */
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);
    /** Tiers of a new schedule are picked up within this time. */
    private static final Duration METADATA_MAX_AGE = Duration.ofSeconds(30);

    private final DeliveryService deliveries;
    private final DigestCollector digests;
    private final ParkedDeliveryTopics parked;
    private final SubscriptionStore subscriptions;
    private final DeliveryLogTopic log;
    private final ChannelTopics kafka;
    private final DeliveryWorkers workers;
    private final OpenTelemetry openTelemetry;
    private final RetryTiers tiers;
    private final DelayQueue<Delivery> queue;
    private volatile boolean closed;

    public RetryConsumer(DeliveryJson json, DeliveryService deliveries, DigestCollector digests, ParkedDeliveryTopics parked,
            SubscriptionStore subscriptions, DeliveryLogTopic log, ChannelTopics kafka, DeliveryWorkers workers, DeliveryMetrics metrics,
            OpenTelemetry openTelemetry, NotifierConfig config) {
        this.deliveries = deliveries;
        this.digests = digests;
        this.parked = parked;
        this.subscriptions = subscriptions;
        this.log = log;
        this.kafka = kafka;
        this.workers = workers;
        this.openTelemetry = openTelemetry;
        this.tiers = parked.tiers();
        this.queue = DelayQueue.<Delivery>builder(GROUP, DelayQueueBuilder.Subscription.matching(RetryTiers.TOPICS))
                .decoder(json::read)
                .dueTime(this::dueAt)
                .handler(this::attempt)
                .onUnreadable(this::deadLetter)
                .whenReady(this::prepare)
                .maxInFlight(config.delivery().retriesInFlight())
                .handoverWait(AlertsHandover.WAIT)
                .restartDelay(RECORD_AGAIN)
                .sessionTimeout(SESSION_TIMEOUT)
                .metadataMaxAge(METADATA_MAX_AGE)
                .build(kafka.clientConfig(ConsumerConfig.configNames()));
        metrics.retriesWaiting(queue::backlog);
    }

    void start(@Observes StartupEvent event) {
        queue.start();
    }

    /** Runs before the beans go, so the attempts under way can finish and be committed. */
    void stop(@Observes ShutdownEvent event) {
        closed = true;
        queue.close();
    }

    /** Waits for the tier topics, the subscriptions and the delivery log, which every attempt needs. */
    private void prepare() throws InterruptedException {
        while (!closed && !kafka.createMissing(Set.copyOf(tiers.topics()))) {
            TimeUnit.MILLISECONDS.sleep(RECORD_AGAIN.toMillis()); // the broker is not there yet
        }
        Duration wait = AlertsHandover.WAIT;
        while (!closed && !(subscriptions.awaitLoaded(wait) && log.awaitLoaded(wait))) {
            Log.warnf("Still reading %s and %s; parked deliveries wait until both are known", Topics.SUBSCRIPTIONS,
                    Topics.DELIVERIES);
        }
    }

    /**
     * When the delivery is due; at once for one waiting longer than its tier's reach (written by hand
     * or under another schedule), which {@link #attempt} parks again in the tier its wait belongs in.
     */
    private Instant dueAt(ConsumerRecord<String, String> record, Delivery delivery) {
        Instant now = Instant.now();
        Duration wait = Duration.between(now, delivery.dueAt());
        boolean beyondReach = wait.compareTo(Duration.ZERO) > 0 && wait.compareTo(tiers.reach(record.topic()).orElse(wait)) > 0;
        return beyondReach ? now : delivery.dueAt();
    }

    private CompletionStage<Void> attempt(ConsumerRecord<String, String> record, Delivery delivery) {
        if (delivery.dueAt().isAfter(Instant.now())) { // handed over before it is due: beyond its tier's reach
            return CompletableFuture.runAsync(() -> parked.retryLater(delivery), workers.retrying());
        }
        Log.debugf("Delivery %s (attempts so far: %d) is due", delivery.deliveryId(), delivery.attempts());
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        CompletableFuture<Void> outcome = new CompletableFuture<>();
        try (Scope scope = KafkaTraceContext.of(openTelemetry, record.headers()).makeCurrent()) {
            attemptUntilRecorded(partition, delivery, outcome);
        }
        return outcome;
    }

    /**
     * Makes the attempt; when its outcome could not be written to Kafka, makes it again a little
     * later (the delivery log tells whether it went out), while the partition is still ours.
     */
    private void attemptUntilRecorded(TopicPartition partition, Delivery delivery, CompletableFuture<Void> outcome) {
        CompletableFuture<Void> attempt = delivery.batched() ? digests.collect(delivery)
                : deliveries.attemptAgain(delivery).toCompletableFuture();
        attempt.whenComplete((done, failure) -> {
            if (failure == null) {
                outcome.complete(null);
            } else if (!queue.holds(partition)) {
                outcome.completeExceptionally(failure);
            } else {
                Log.warnf("Outcome of delivery %s not recorded (%s); trying again in %d s", delivery.deliveryId(),
                        failure.getMessage(), RECORD_AGAIN.toSeconds());
                CompletableFuture.delayedExecutor(RECORD_AGAIN.toMillis(), TimeUnit.MILLISECONDS, workers.retrying())
                        .execute(() -> attemptUntilRecorded(partition, delivery, outcome));
            }
        });
    }

    /** A record that is not a delivery goes to the dead letters, kept as it was, with the reason. */
    private CompletionStage<Void> deadLetter(ConsumerRecord<String, String> record, Exception cause) {
        String reason = "not a Delivery: " + cause.getMessage();
        Log.warnf("The record at offset %d of %s-%d goes to %s: %s", record.offset(), record.topic(), record.partition(),
                Topics.DELIVERIES_DLQ, reason);
        return CompletableFuture.runAsync(() -> parked.deadLetterUnreadable(record.key(), record.value(), reason),
                workers.retrying());
    }
}
