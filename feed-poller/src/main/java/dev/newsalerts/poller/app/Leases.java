package dev.newsalerts.poller.app;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Which feeds this instance polls (a port): the instances of one deployment share the feeds out by
 * numbered partitions of {@code news.feed-state}, each feed in the partition its URL maps to, and
 * each partition held by exactly one instance at a time.
 */
public interface Leases {

    /** What the lease holder is told; both are called on the lease thread, which waits for them. */
    interface Listener {
        /**
         * Partitions just assigned; {@code endOffsets} are the topic's end offsets (every partition)
         * at that moment. The feeds of {@code partitions} count as this instance's once this returns.
         */
        void assigned(Set<Integer> partitions, Map<Integer, Long> endOffsets);

        /** Partitions taken away (or lost); they no longer count as this instance's when this is called. */
        void revoked(Set<Integer> partitions);
    }

    /** Joins the instances that share the feeds; {@code listener} hears of every change of this instance's share. */
    void start(Listener listener);

    /** Whether this instance polls the feed at {@code url} now; false before {@link #start}. */
    boolean owns(String url);

    /** Whether the feed at {@code url} maps to one of {@code partitions}; false before the first assignment. */
    boolean inPartitions(String url, Set<Integer> partitions);

    /** @return whether partitions (possibly none) have been assigned to this instance at least once */
    boolean awaitFirstAssignment(Duration timeout) throws InterruptedException;

    /** Leaves the group (its partitions go to the others at once) and stops. */
    void close();
}
