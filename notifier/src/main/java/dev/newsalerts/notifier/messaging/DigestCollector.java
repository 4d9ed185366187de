package dev.newsalerts.notifier.messaging;

import dev.newsalerts.notifier.domain.Delivery;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Gathers the deliveries of an email digest as they fall due: every delivery of one window is due at
 * the same instant and read from the same partition (they are keyed by subscription), so those that
 * arrive within a short gathering time go out as one mail ({@link DeliveryService#attemptDigest});
 * their records are acknowledged once the outcome is in Kafka.
 */
@ApplicationScoped
public class DigestCollector {

    private static final Duration GATHERING = Duration.ofSeconds(2);

    private record Pending(Delivery delivery, Message<String> message) {
    }

    private final DeliveryService deliveries;
    private final Map<String, List<Pending>> gathering = new HashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "digest-timer");
        thread.setDaemon(true);
        return thread;
    });

    public DigestCollector(DeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    void collect(Delivery delivery, Message<String> message) {
        synchronized (gathering) {
            List<Pending> batch = gathering.get(delivery.subscriptionId());
            if (batch == null) {
                batch = new ArrayList<>();
                gathering.put(delivery.subscriptionId(), batch);
                timer.schedule(() -> send(delivery.subscriptionId()), GATHERING.toMillis(), TimeUnit.MILLISECONDS);
            }
            batch.add(new Pending(delivery, message));
        }
    }

    private void send(String subscriptionId) {
        List<Pending> batch;
        synchronized (gathering) {
            batch = gathering.remove(subscriptionId);
        }
        Log.debugf("Digest of subscription %s: %d alerts", subscriptionId, batch.size());
        deliveries.attemptDigest(subscriptionId, batch.stream().map(Pending::delivery).toList())
                .whenComplete((done, failure) -> batch.forEach(pending ->
                        RetryConsumer.settle(pending.message(), pending.delivery(), failure)));
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
