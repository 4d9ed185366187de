package dev.newsalerts.notifier.client;

import dev.newsalerts.notifier.config.NotifierConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Keeps each subscription's receiver to itself: at most {@code concurrency-per-subscription}
 * deliveries in flight and {@code rate-per-subscription} attempts a second to it, and, after a
 * failure, a cool-down until its next retry is due, during which new deliveries to it are parked
 * rather than tried. So a slow or dead receiver holds only its own deliveries back.
 */
@ApplicationScoped
public class EndpointPacer {

    private final int concurrency;
    private final long nanosBetweenAttempts;
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();

    public EndpointPacer(NotifierConfig config) {
        this.concurrency = config.delivery().concurrencyPerSubscription();
        this.nanosBetweenAttempts = (long) (TimeUnit.SECONDS.toNanos(1) / config.delivery().ratePerSubscription());
    }

    /** Waits up to {@code maxWait} for one of the subscription's in-flight slots; when it gets one, call {@link #release}. */
    public boolean acquire(String subscriptionId, Duration maxWait) throws InterruptedException {
        return endpoint(subscriptionId).inFlight.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits for the subscription's next turn under its rate limit. */
    public void pace(String subscriptionId) {
        long wait = endpoint(subscriptionId).reserve(nanosBetweenAttempts);
        if (wait > 0) {
            LockSupport.parkNanos(wait); // pacing, not waiting for a result
        }
    }

    public void release(String subscriptionId) {
        endpoint(subscriptionId).inFlight.release();
    }

    /** When the receiver last failed, the time until which new deliveries to it are parked. */
    public Optional<Instant> coolingUntil(String subscriptionId, Instant now) {
        Instant until = endpoint(subscriptionId).coolingUntil;
        return until != null && until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }

    public void failed(String subscriptionId, Instant coolUntil) {
        endpoint(subscriptionId).coolingUntil = coolUntil;
    }

    public void succeeded(String subscriptionId) {
        endpoint(subscriptionId).coolingUntil = null;
    }

    private Endpoint endpoint(String subscriptionId) {
        return endpoints.computeIfAbsent(subscriptionId, id -> new Endpoint(concurrency));
    }

    private static final class Endpoint {
        final Semaphore inFlight;
        volatile Instant coolingUntil;
        private long nextSlot = System.nanoTime();

        Endpoint(int concurrency) {
            this.inFlight = new Semaphore(concurrency);
        }

        /** @return nanoseconds to wait for the reserved slot */
        synchronized long reserve(long interval) {
            long now = System.nanoTime();
            long slot = Math.max(now, nextSlot);
            nextSlot = slot + interval;
            return slot - now;
        }
    }
}
