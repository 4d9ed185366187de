package dev.newsalerts.notifier.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsalerts.notifier.domain.Delivery;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Takes each delivery from {@code news.deliveries.retry} and makes its next attempt when it is due.
 * A waiting delivery is held in memory, unacknowledged, so its offset is not committed before its
 * attempt's outcome is in Kafka: after a restart it is read again and waits for the rest of its
 * time. Unreadable records go to {@code news.deliveries.dlq} with the reason.
 */
@ApplicationScoped
public class RetryConsumer {

    private final ObjectMapper mapper;
    private final DeliveryService deliveries;
    private final DigestCollector digests;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "delivery-retry-timer");
        thread.setDaemon(true);
        return thread;
    });

    public RetryConsumer(ObjectMapper mapper, DeliveryService deliveries, DigestCollector digests) {
        this.mapper = mapper;
        this.deliveries = deliveries;
        this.digests = digests;
    }

    @Incoming(Topics.DELIVERY_RETRIES_CHANNEL)
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public CompletionStage<Void> onRetry(Message<String> message) {
        Delivery delivery;
        try {
            delivery = mapper.readValue(message.getPayload(), Delivery.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return message.nack(new IllegalArgumentException("not a Delivery: " + e.getMessage()));
        }
        long wait = Math.max(0, Duration.between(Instant.now(), delivery.dueAt()).toMillis());
        Log.debugf("Delivery %s (attempts so far: %d) due in %d ms", delivery.deliveryId(), delivery.attempts(), wait);
        if (delivery.batched()) {
            timer.schedule(() -> digests.collect(delivery, message), wait, TimeUnit.MILLISECONDS);
        } else {
            timer.schedule(() -> deliveries.attempt(delivery).whenComplete((done, failure) -> settle(message, delivery, failure)),
                    wait, TimeUnit.MILLISECONDS);
        }
        return CompletableFuture.completedFuture(null); // the next retry record need not wait for this one
    }

    static void settle(Message<String> message, Delivery delivery, Throwable failure) {
        if (failure == null) {
            message.ack();
        } else {
            Log.warnf("Retry of delivery %s could not be recorded: %s", delivery.deliveryId(), failure.getMessage());
            message.nack(failure);
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
