package dev.newsalerts.notifier.messaging;

import dev.newsalerts.kafka.PartitionProgress;
import dev.newsalerts.kafka.Topics;
import dev.newsalerts.notifier.app.AlertDispatcher;
import dev.newsalerts.notifier.config.NotifierConfig;
import dev.newsalerts.notifier.domain.AlertPosition;
import dev.newsalerts.notifier.domain.PublishedAlert;
import io.opentelemetry.context.Context;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The alerts channel ({@code news.alerts}): hands each alert to {@link AlertDispatcher} and
 * acknowledges it only when every delivery's outcome is in Kafka: delivered, or parked for a retry or
 * as a dead letter; the connector commits an offset once every alert before it is acknowledged too.
 * Up to {@code notifier.delivery.alerts-in-flight} alerts are handled at once, so one slow receiver
 * does not hold the others back (deliveries to one receiver may therefore arrive out of order). An
 * unreadable alert goes to {@code news.alerts.dlq} with the reason.
 *
 * <p>Deliveries block (HTTP, SMTP), so they run on a worker of our own rather than on the
 * connector's ordered worker context, where the blocking mailer would wait on itself.
 */
@ApplicationScoped
public class AlertsChannel {

    private final AlertReader reader;
    private final AlertDispatcher dispatcher;
    private final ManagedExecutor workers;
    private final Semaphore inFlight;
    private final Map<TopicPartition, PartitionProgress> progress = new ConcurrentHashMap<>();

    public AlertsChannel(AlertReader reader, AlertDispatcher dispatcher, ManagedExecutor workers, NotifierConfig config) {
        this.inFlight = new Semaphore(config.delivery().alertsInFlight());
        this.reader = reader;
        this.dispatcher = dispatcher;
        this.workers = workers;
    }

    @Incoming(Channels.ALERTS)
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> receive(Message<String> message) {
        PublishedAlert alert;
        try {
            alert = reader.read(message.getPayload(), message.getMetadata(IncomingKafkaRecordMetadata.class)
                    .map(record -> new AlertPosition(record.getPartition(), record.getOffset())).orElse(null));
        } catch (IllegalArgumentException e) {
            return track(message, message.nack(e).toCompletableFuture()); // to news.alerts.dlq, the reason in its header
        }
        dispatcher.received(alert);
        // Returns once a slot is free, so the connector hands over the next alert; this one is acknowledged later.
        CompletableFuture<Void> slot = CompletableFuture.runAsync(inFlight::acquireUninterruptibly, workers);
        Context trace = TracingMetadata.fromMessage(message).map(TracingMetadata::getCurrentContext).orElse(Context.current());
        CompletableFuture<Void> handled = slot.thenCompose(free -> CompletableFuture.supplyAsync(
                        trace.wrapSupplier(() -> dispatcher.dispatch(alert)), workers))
                .thenCompose(outcomes -> outcomes)
                .handle((done, failure) -> {
                    inFlight.release();
                    if (failure == null) {
                        return message.ack();
                    }
                    Log.errorf("Alert %s: outcome of its deliveries not recorded (%s); it goes to %s",
                            alert.view().alertId(), failure.getMessage(), Topics.ALERTS_DLQ);
                    return message.nack(failure);
                })
                .thenCompose(settled -> settled); // once acknowledged, or in the dead-letter topic
        track(message, handled);
        return slot;
    }

    /** Notes the alert's record as under way until {@code handled} completes; see {@link #handOver}. */
    private CompletableFuture<Void> track(Message<String> message, CompletableFuture<Void> handled) {
        message.getMetadata(IncomingKafkaRecordMetadata.class).ifPresent(record -> progress.computeIfAbsent(
                new TopicPartition(record.getTopic(), record.getPartition()), partition -> new PartitionProgress())
                .started(record.getOffset(), handled));
        return handled;
    }

    /**
     * Before partitions of news.alerts move to another instance: lets the alerts under way on them
     * finish and commits past them, so the new owner does not make their deliveries again.
     */
    void handOver(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        Instant deadline = Instant.now().plus(AlertsHandover.WAIT); // one wait for all, not one each
        for (TopicPartition partition : partitions) {
            PartitionProgress handed = progress.remove(partition);
            if (handed == null) {
                continue;
            }
            try {
                if (!handed.awaitFinished(PartitionProgress.until(deadline))) {
                    Log.warnf("Alerts of %s still under way after %d s; its next owner may repeat their deliveries", partition,
                            AlertsHandover.WAIT.toSeconds());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            handed.toCommit().ifPresent(offset -> offsets.put(partition, new OffsetAndMetadata(offset)));
        }
        try {
            if (!offsets.isEmpty()) {
                consumer.commitSync(offsets);
            }
        } catch (RuntimeException e) {
            Log.warnf("Committing %s before handing it over failed (%s); its next owner may repeat deliveries", partitions,
                    e.getMessage());
        }
    }

    void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(progress::remove);
    }
}
