package dev.newsalerts.classifier.domain.cluster;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Heads by the numbers they carry, newest last. A rewrite that keeps the numbers of an event may share
 * too few words with its head for LSH to find it (at similarity 0.12 bands of two find a pair only
 * two times in three); the numbers find it. Only the newest heads of a number are looked at, so a
 * number as common as "10" costs a bounded time.
 */
final class NumberBuckets<H> {

    private final Map<String, ArrayDeque<H>> byNumber = new HashMap<>();
    private final int newestPerNumber;

    NumberBuckets(int newestPerNumber) {
        this.newestPerNumber = newestPerNumber;
    }

    void add(Collection<String> numbers, H head) {
        for (String number : numbers) {
            byNumber.computeIfAbsent(number, n -> new ArrayDeque<>()).addLast(head);
        }
    }

    /** Heads leave mostly in the order they came, so the head to remove is usually the first. */
    void remove(Collection<String> numbers, H head) {
        for (String number : numbers) {
            ArrayDeque<H> heads = byNumber.get(number);
            if (heads != null) {
                heads.removeFirstOccurrence(head);
                if (heads.isEmpty()) {
                    byNumber.remove(number);
                }
            }
        }
    }

    void candidates(Collection<String> numbers, Consumer<H> headConsumer) {
        for (String number : numbers) {
            ArrayDeque<H> heads = byNumber.get(number);
            if (heads == null) {
                continue;
            }
            Iterator<H> newestFirst = heads.descendingIterator();
            for (int i = 0; i < newestPerNumber && newestFirst.hasNext(); i++) {
                headConsumer.accept(newestFirst.next());
            }
        }
    }

    void clear() {
        byNumber.clear();
    }
}
