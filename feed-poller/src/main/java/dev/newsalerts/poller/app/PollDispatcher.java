package dev.newsalerts.poller.app;

import dev.newsalerts.poller.config.PollerConfig;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Starts the polls of the feeds that are due, the most overdue first, with at most
 * {@code maxConcurrent} polls running in all and at most {@link HostLimiter its limit} per host.
 * A due feed that cannot start now stays due and starts at a later {@link #dispatchDue} call.
 */
@ApplicationScoped
public class PollDispatcher {

    private final ExecutorService executor;
    private final Semaphore slots;
    private final HostLimiter hosts;
    private final Supplier<Instant> clock;
    private final Consumer<PolledFeed> poll;

    /**
     * Polls with {@link FeedIntake}, at most {@code poller.max-concurrent-fetches} at a time and
     * {@code poller.max-fetches-per-host} per host.
     */
    @Inject
    public PollDispatcher(PollerConfig config, FeedIntake intake, HostLimiter hosts) {
        this(Executors.newFixedThreadPool(config.maxConcurrentFetches()), config.maxConcurrentFetches(),
                hosts, Clock.systemUTC()::instant, intake::poll);
    }

    /** @param poll polls one feed and records the outcome on it; must not throw */
    public PollDispatcher(ExecutorService executor, int maxConcurrent, HostLimiter hosts, Supplier<Instant> clock, Consumer<PolledFeed> poll) {
        this.executor = executor;
        this.slots = new Semaphore(maxConcurrent);
        this.hosts = hosts;
        this.clock = clock;
        this.poll = poll;
    }

    /** Starts what is due now and can start now; returns how many polls it started. */
    public int dispatchDue(Collection<PolledFeed> feeds) {
        return dispatchDue(feeds, Duration.ZERO);
    }

    /**
     * Starts what is due now, the most overdue first, waiting up to {@code waitForSlots} in all for
     * polls to end when every slot is taken (so thousands of due feeds start as fast as polls end,
     * not a batch per call); a feed whose host is at its limit stays due for the next call.
     * Returns how many polls it started.
     */
    public int dispatchDue(Collection<PolledFeed> feeds, Duration waitForSlots) {
        long deadline = System.nanoTime() + waitForSlots.toNanos();
        Instant now = clock.get();
        List<PolledFeed> due = new ArrayList<>();
        for (PolledFeed feed : feeds) {
            if (feed.isDue(now)) {
                due.add(feed);
            }
        }
        due.sort(Comparator.comparing(PolledFeed::nextPollAt));
        int started = 0;
        for (PolledFeed feed : due) {
            try {
                if (!slots.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            String host = feed.source().host();
            if (!hosts.tryAcquire(host)) {
                slots.release();
                continue;
            }
            started++;
            executor.execute(() -> {
                try {
                    runIfStillDue(feed);
                } finally {
                    hosts.release(host);
                    slots.release();
                }
            });
        }
        return started;
    }

    /** Polls every feed now, due or not, within the per-host limit; completes when all are done. */
    public CompletableFuture<Void> pollAllNow(Collection<PolledFeed> feeds) {
        return CompletableFuture.allOf(feeds.stream().map(feed -> CompletableFuture.runAsync(() -> {
            String host = feed.source().host();
            try {
                hosts.acquire(host);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                runLocked(feed);
            } finally {
                hosts.release(host);
            }
        }, executor)).toArray(CompletableFuture[]::new));
    }

    /** Stops: polls running are interrupted, and none starts any more. */
    public void stop() {
        executor.shutdownNow();
    }

    private void runIfStillDue(PolledFeed feed) {
        if (!feed.polling().tryLock()) {
            return; // polled right now by another call
        }
        try {
            if (feed.isRemoved() || feed.nextPollAt().isAfter(clock.get())) {
                return;
            }
            runPoll(feed);
        } finally {
            feed.polling().unlock();
        }
    }

    private void runLocked(PolledFeed feed) {
        feed.polling().lock();
        try {
            if (!feed.isRemoved()) {
                runPoll(feed);
            }
        } finally {
            feed.polling().unlock();
        }
    }

    private void runPoll(PolledFeed feed) {
        try {
            poll.accept(feed);
        } catch (RuntimeException e) {
            Log.errorf(e, "The poll of feed %s ended unexpectedly", feed.source().url());
        }
    }
}
