package dev.newsalerts.notifier.messaging;

import dev.newsalerts.kafka.PartitionProgress;
import dev.newsalerts.kafka.Topics;
import dev.newsalerts.notifier.app.AlertDispatcher;
import dev.newsalerts.notifier.domain.AlertPosition;
import dev.newsalerts.notifier.domain.Channel;
import dev.newsalerts.notifier.domain.PublishedAlert;
import io.opentelemetry.context.Context;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The deliveries of one {@link Channel} for the alerts of news.alerts, read in a consumer group of
 * its own ({@link AlertsChannel}): each alert is handed to {@link AlertDispatcher} and acknowledged
 * only when the outcome of every delivery over the channel is in Kafka: delivered, or parked for a
 * retry or as a dead letter; the connector commits an offset once every alert before it is
 * acknowledged too. Up to {@code notifier.delivery.alerts-in-flight} alerts are handled at once, so
 * one slow receiver does not hold the others back (deliveries to one receiver may therefore arrive
 * out of order).
 */
final class AlertLane {

    private final Channel channel;
    private final LaneReads reads;
    private final AlertDispatcher dispatcher;
    private final Executor workers;
    private final Semaphore inFlight;
    private final Map<TopicPartition, PartitionProgress> progress = new ConcurrentHashMap<>();

    AlertLane(Channel channel, LaneReads reads, AlertDispatcher dispatcher, Executor workers, int alertsInFlight) {
        this.channel = channel;
        this.reads = reads;
        this.dispatcher = dispatcher;
        this.workers = workers;
        this.inFlight = new Semaphore(alertsInFlight);
    }

    /**
     * @param firstReader whether this lane notes the alert as received and dead-letters an unreadable
     *        one: one lane does, so that each happens once
     * @return completes once a slot is free, so that the connector hands over the next alert; this one
     *         is acknowledged later
     */
    CompletionStage<Void> receive(Message<String> message, boolean firstReader) {
        PublishedAlert alert;
        try {
            alert = reads.read(message.getPayload(), message.getMetadata(IncomingKafkaRecordMetadata.class)
                    .map(record -> new AlertPosition(record.getPartition(), record.getOffset())).orElse(null));
        } catch (IllegalArgumentException e) {
            // to news.alerts.dlq with the reason in its header, by the first reader only
            return track(message, (firstReader ? message.nack(e) : message.ack()).toCompletableFuture());
        }
        if (firstReader) {
            dispatcher.received(alert);
        }
        CompletableFuture<Void> slot = CompletableFuture.runAsync(inFlight::acquireUninterruptibly, workers);
        Context trace = TracingMetadata.fromMessage(message).map(TracingMetadata::getCurrentContext).orElse(Context.current());
        CompletableFuture<Void> handled = slot.thenCompose(free -> CompletableFuture.supplyAsync(
                        trace.wrapSupplier(() -> dispatcher.dispatch(alert, channel)), workers))
                .thenCompose(outcomes -> outcomes)
                .handle((done, failure) -> {
                    inFlight.release();
                    if (failure == null) {
                        return message.ack();
                    }
                    Log.errorf("Alert %s: outcome of its %s deliveries not recorded (%s); it goes to %s",
                            alert.view().alertId(), channel.name().toLowerCase(), failure.getMessage(), Topics.ALERTS_DLQ);
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
                    Log.warnf("Alerts of %s still under way after %d s; its next owner may repeat their %s deliveries",
                            partition, AlertsHandover.WAIT.toSeconds(), channel.name().toLowerCase());
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
