package dev.newsalerts.poller.app;

import dev.newsalerts.poller.config.PollerConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * At most so many fetches at a time from one host, however many of its feeds are due: feed polls and
 * the article pages of {@code fullText} feeds count against the same limit.
 */
@Singleton
public final class HostLimiter {

    private final int perHost;
    private final Map<String, Semaphore> hosts = new ConcurrentHashMap<>();

    /** {@code poller.max-fetches-per-host} fetches per host. */
    @Inject
    public HostLimiter(PollerConfig config) {
        this(config.maxFetchesPerHost());
    }

    public HostLimiter(int perHost) {
        if (perHost < 1) {
            throw new IllegalArgumentException("at least one fetch per host is needed, got " + perHost);
        }
        this.perHost = perHost;
    }

    public boolean tryAcquire(String host) {
        return semaphore(host).tryAcquire();
    }

    /** Waits up to {@code wait} for a fetch from {@code host} to be allowed; false when none was. */
    public boolean tryAcquire(String host, Duration wait) throws InterruptedException {
        return semaphore(host).tryAcquire(Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS);
    }

    public void acquire(String host) throws InterruptedException {
        semaphore(host).acquire();
    }

    public void release(String host) {
        semaphore(host).release();
    }

    /** Fetches from {@code host} running now. */
    public int inUse(String host) {
        Semaphore semaphore = hosts.get(host);
        return semaphore == null ? 0 : perHost - semaphore.availablePermits();
    }

    private Semaphore semaphore(String host) {
        return hosts.computeIfAbsent(host, name -> new Semaphore(perHost));
    }
}
