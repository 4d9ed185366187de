package dev.newsalerts.poller.app;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/** At most so many fetches at a time from one host, however many of its feeds are due. */
public final class HostLimiter {

    private final int perHost;
    private final Map<String, Semaphore> hosts = new ConcurrentHashMap<>();

    public HostLimiter(int perHost) {
        if (perHost < 1) {
            throw new IllegalArgumentException("at least one fetch per host is needed, got " + perHost);
        }
        this.perHost = perHost;
    }

    public boolean tryAcquire(String host) {
        return semaphore(host).tryAcquire();
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
