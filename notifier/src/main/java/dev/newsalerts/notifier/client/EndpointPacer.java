package dev.newsalerts.notifier.client;

import dev.newsalerts.notifier.app.ReceiverPacing;
import dev.newsalerts.notifier.app.ReceiverPacing.Turn;
import dev.newsalerts.notifier.config.NotifierConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Keeps each subscription's receiver to itself: at most {@code concurrency-per-subscription}
 * deliveries in flight and {@code rate-per-subscription} attempts a second to it, each given its
 * turn ahead of time so that a delivery over the rate waits on a timer for it, not on a thread, and
 * one that finds the slots taken waits in a queue for the first one freed (also holding no thread),
 * until the receiver has freed none for a while or the wait is too long. After a failure
 * it cools down until the failed delivery's next retry is due; then one delivery goes first, as a
 * probe, and the others follow only once it succeeded. When the probe fails too, the receiver is
 * down rather than hiccuping: from then on it cools down for the second step of the retry schedule
 * (5 minutes by default) between probes, until one succeeds. Deliveries held back meanwhile are
 * parked rather than tried, and so are those arriving just after a wait for a slot went unanswered: a slow
 * or dead receiver costs the others neither threads nor attempts, and a receiver that hangs does not
 * have its whole backlog parked again every few seconds while each probe waits for its timeout.
 */
@ApplicationScoped
public class EndpointPacer implements ReceiverPacing {

    /** How long parking lasts after a wait for a slot went unanswered. */
    private static final Duration CONGESTION = Duration.ofSeconds(1);
    /** A probe that has not reported back by then (it was parked, or failed oddly) no longer holds the others back. */
    private static final Duration PROBE_LIMIT = Duration.ofSeconds(30);
    /** The time of the last release of a receiver that has released no slot yet. */
    private static final long NEVER = Long.MIN_VALUE;

    private final int concurrency;
    private final long nanosBetweenAttempts;
    private final Duration firstCoolDown;
    private final Duration downCoolDown;
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();
    /**
     * Checks on waiting deliveries. A thread of our own: {@code CompletableFuture.delayedExecutor}
     * without an executor starts a new thread per task on a machine of two cores (its common pool has
     * a single thread), one for nearly every delivery that waited for a slot.
     */
    private final ScheduledThreadPoolExecutor watches = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "slot-watch");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    public EndpointPacer(NotifierConfig config) {
        this(config.delivery().concurrencyPerSubscription(), config.delivery().ratePerSubscription(),
                config.delivery().retrySchedule());
    }

    /** @param retrySchedule its first step is the least cool-down after a failure, its second the one between failing probes */
    EndpointPacer(int concurrency, double attemptsPerSecond, List<Duration> retrySchedule) {
        this.concurrency = concurrency;
        this.nanosBetweenAttempts = (long) (TimeUnit.SECONDS.toNanos(1) / attemptsPerSecond);
        this.firstCoolDown = retrySchedule.get(0);
        this.downCoolDown = retrySchedule.size() > 1 ? retrySchedule.get(1) : firstCoolDown;
        watches.setRemoveOnCancelPolicy(true); // a check is cancelled as its delivery gets a slot, mostly long before it is due
    }

    @PreDestroy
    void stop() {
        watches.shutdownNow();
    }

    @Override
    public CompletableFuture<Boolean> slot(String subscriptionId, Duration stall, Duration longest) {
        Endpoint endpoint = endpoint(subscriptionId);
        Waiter waiter = endpoint.slot();
        if (!waiter.granted.isDone()) {
            watch(endpoint, waiter, stall.toNanos(), longest.toNanos());
        }
        return waiter.granted;
    }

    /** Gives up the wait once the receiver has freed no slot for {@code stall}, or the wait has lasted {@code longest}. */
    private void watch(Endpoint endpoint, Waiter waiter, long stall, long longest) {
        if (waiter.granted.isDone()) {
            return;
        }
        long progress = Math.max(endpoint.lastReleaseNanos, waiter.since);
        long now = System.nanoTime();
        if (now - progress >= stall || now - waiter.since >= longest) {
            if (waiter.granted.complete(false)) {
                endpoint.forget(waiter);
            }
            return;
        }
        long next = Math.min(progress + stall, waiter.since + longest) - now;
        waiter.check = watches.schedule(() -> watch(endpoint, waiter, stall, longest), next, TimeUnit.NANOSECONDS);
        if (waiter.granted.isDone()) {
            waiter.check.cancel(false); // granted while the check was being scheduled
        }
    }

    @Override
    public Turn nextTurn(String subscriptionId, Duration longest) {
        return endpoint(subscriptionId).reserve(nanosBetweenAttempts, longest.toNanos());
    }

    @Override
    public void release(String subscriptionId) {
        endpoint(subscriptionId).release();
    }

    /**
     * Whether a delivery to the subscription may be tried now: empty if so, else the time to park it
     * until (the end of a cool-down, or {@code shortHold} from now while a probe or a full set of
     * slots is under way).
     */
    @Override
    public Optional<Instant> holdUntil(String subscriptionId, Instant now, Duration shortHold) {
        return endpoint(subscriptionId).holdUntil(now, shortHold);
    }

    /**
     * A delivery's wait for a slot went unanswered. When none has come free for a second either (the
     * receiver is slow or dead, not merely busy), deliveries arriving in the next second are parked
     * at once.
     */
    @Override
    public void congested(String subscriptionId, Instant now) {
        Endpoint endpoint = endpoint(subscriptionId);
        long lastRelease = endpoint.lastReleaseNanos;
        if (lastRelease == NEVER || System.nanoTime() - lastRelease >= CONGESTION.toNanos()) {
            endpoint.congestedUntil = now.plus(CONGESTION);
        }
    }

    @Override
    public void failed(String subscriptionId, Instant now, Instant coolUntil) {
        endpoint(subscriptionId).failed(now, coolUntil, firstCoolDown, downCoolDown);
    }

    @Override
    public void succeeded(String subscriptionId) {
        endpoint(subscriptionId).succeeded();
    }

    private Endpoint endpoint(String subscriptionId) {
        return endpoints.computeIfAbsent(subscriptionId, id -> new Endpoint(concurrency));
    }

    /** A delivery waiting for one of its receiver's slots: granted one, or given up (false). */
    private static final class Waiter {
        final CompletableFuture<Boolean> granted = new CompletableFuture<>();
        final long since = System.nanoTime();
        /** The next check on this wait, if one is scheduled. */
        volatile ScheduledFuture<?> check;

        boolean grant() {
            ScheduledFuture<?> scheduled = check;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
            return granted.complete(true);
        }
    }

    private static final class Endpoint {
        /** Slots free; while deliveries wait, none is. */
        private int freeSlots;
        private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
        volatile long lastReleaseNanos = NEVER;
        private Instant coolingUntil;
        /** Cool-downs begun by a failure since the last success; failures during a cool-down (of attempts already under way) begin none. */
        private int coolDowns;
        private Instant probeUntil;
        volatile Instant congestedUntil;
        private long nextSlot = System.nanoTime();

        synchronized void failed(Instant now, Instant coolUntil, Duration first, Duration down) {
            Instant atLeast = coolUntil;
            if (coolingUntil == null || !coolingUntil.isAfter(now)) {
                coolDowns++;
                atLeast = latest(coolUntil, now.plus(coolDowns == 1 ? first : down));
            }
            coolingUntil = coolingUntil == null ? atLeast : latest(coolingUntil, atLeast);
            probeUntil = null;
        }

        synchronized void succeeded() {
            coolingUntil = null;
            coolDowns = 0;
            probeUntil = null;
        }

        private static Instant latest(Instant one, Instant other) {
            return one.isAfter(other) ? one : other;
        }

        synchronized Optional<Instant> holdUntil(Instant now, Duration shortHold) {
            if (coolingUntil != null && coolingUntil.isAfter(now)) {
                return Optional.of(coolingUntil);
            }
            if (coolingUntil != null) {
                if (probeUntil == null || !probeUntil.isAfter(now)) {
                    probeUntil = now.plus(PROBE_LIMIT); // this delivery is the probe
                    return Optional.empty();
                }
                return Optional.of(now.plus(shortHold));
            }
            if (congestedUntil != null && congestedUntil.isAfter(now)) {
                return Optional.of(now.plus(shortHold));
            }
            return Optional.empty();
        }

        Endpoint(int concurrency) {
            this.freeSlots = concurrency;
        }

        synchronized Waiter slot() {
            Waiter waiter = new Waiter();
            if (freeSlots > 0 && waiting.isEmpty()) {
                freeSlots--;
                waiter.granted.complete(true);
            } else {
                waiting.add(waiter);
            }
            return waiter;
        }

        /** The slot goes to the longest waiting delivery that still waits, else back to the free ones. */
        void release() {
            while (true) {
                Waiter next;
                synchronized (this) {
                    lastReleaseNanos = System.nanoTime();
                    next = waiting.poll();
                    if (next == null) {
                        freeSlots++;
                        return;
                    }
                }
                if (next.grant()) { // outside the lock: what waited on it may start from here
                    return;
                }
            }
        }

        /** A delivery that gave up waiting leaves the queue. */
        synchronized void forget(Waiter waiter) {
            waiting.remove(waiter);
        }

        synchronized Turn reserve(long interval, long longestWait) {
            long now = System.nanoTime();
            long slot = Math.max(now, nextSlot);
            boolean taken = slot - now <= longestWait;
            if (taken) {
                nextSlot = slot + interval;
            }
            return new Turn(Duration.ofNanos(slot - now), taken);
        }
    }
}
