package dev.newsalerts.notifier.app;

import dev.newsalerts.notifier.domain.Delivery;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Gathers the deliveries of an email digest as they fall due: every delivery of one window is due at
 * the same instant and read from the same partition (they are keyed by subscription), so those that
 * arrive within a short gathering time go out as one mail ({@link DigestDelivery});
 * each completes once the outcome is in Kafka.
 */
@ApplicationScoped
public class DigestCollector {

    private static final Duration GATHERING = Duration.ofSeconds(2);

    private record Pending(Delivery delivery, CompletableFuture<Void> outcome) {
    }

    private final DigestDelivery digests;
    private final Map<String, List<Pending>> gathering = new HashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "digest-timer");
        thread.setDaemon(true);
        return thread;
    });

    public DigestCollector(DigestDelivery digests) {
        this.digests = digests;
    }

    /** Completes once the outcome of the digest this delivery went out in is in Kafka. */
    public CompletableFuture<Void> collect(Delivery delivery) {
        CompletableFuture<Void> outcome = new CompletableFuture<>();
        synchronized (gathering) {
            List<Pending> batch = gathering.get(delivery.subscriptionId());
            if (batch == null) {
                batch = new ArrayList<>();
                gathering.put(delivery.subscriptionId(), batch);
                timer.schedule(() -> send(delivery.subscriptionId()), GATHERING.toMillis(), TimeUnit.MILLISECONDS);
            }
            batch.add(new Pending(delivery, outcome));
        }
        return outcome;
    }

    private void send(String subscriptionId) {
        List<Pending> batch;
        synchronized (gathering) {
            batch = gathering.remove(subscriptionId);
        }
        Log.debugf("Digest of subscription %s: %d alerts", subscriptionId, batch.size());
        digests.attempt(subscriptionId, batch.stream().map(Pending::delivery).toList())
                .whenComplete((done, failure) -> batch.forEach(pending -> {
                    if (failure == null) {
                        pending.outcome().complete(null);
                    } else {
                        pending.outcome().completeExceptionally(failure);
                    }
                }));
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
