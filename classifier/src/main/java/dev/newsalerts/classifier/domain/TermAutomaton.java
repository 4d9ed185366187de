package dev.newsalerts.classifier.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;

/**
 * An Aho-Corasick automaton over the folded forms of all terms of a rule set: one pass over a
 * text finds every occurrence of every term. Immutable once built; states are ints; the root's
 * transitions are a table by char, the others one open-addressing hash table keyed by state and
 * char; each state lists the patterns that end there (its own and those of its suffix states,
 * longest first), those marked to be reported last after the others.
 */
final class TermAutomaton {

    private static final int HAS_CHILDREN = 1;
    private static final int HAS_ENDINGS = 2;
    private static final int FLAG_BITS = 2;
    /** A hash table entry holds the key (state << 16 | char) in its upper 40 bits and the target in its lower 24. */
    private static final int TARGET_BITS = 24;
    private static final long TARGET_MASK = (1L << TARGET_BITS) - 1;

    private final char[][] labels;
    private final int[][] targets;
    /** Per state: its failure state, shifted left by FLAG_BITS, and the flags HAS_ENDINGS and HAS_CHILDREN. */
    private final int[] links;
    private final int[][] endingPatterns;
    private final int[] firstReportedLast;
    /** The root's transitions by char (0: stay at the root): every failure chain ends there, so it must be quick. */
    private final int[] rootTransitions = new int[0x10000];
    /** The other transitions, key and target in one long so that a lookup reads one slot; 0 is a free slot; linear probing. */
    private final long[] transitions;
    private final int transitionMask;

    private TermAutomaton(char[][] labels, int[][] targets, int[][] endingPatterns) {
        if (labels.length >= 1 << TARGET_BITS) {
            throw new IllegalArgumentException("too many terms: the automaton would have " + labels.length + " states");
        }
        this.labels = labels;
        this.targets = targets;
        this.links = new int[labels.length];
        this.endingPatterns = endingPatterns;
        this.firstReportedLast = new int[labels.length];
        for (int i = 0; i < labels[0].length; i++) {
            rootTransitions[labels[0][i]] = targets[0][i];
        }
        int count = 0;
        for (int state = 1; state < labels.length; state++) {
            count += labels[state].length;
        }
        int capacity = Integer.highestOneBit(Math.max(count, 8) * 4);
        transitions = new long[capacity];
        transitionMask = capacity - 1;
        for (int state = 1; state < labels.length; state++) {
            for (int i = 0; i < labels[state].length; i++) {
                long key = (long) state << 16 | labels[state][i];
                int slot = slot(key);
                while (transitions[slot] != 0) {
                    slot = (slot + 1) & transitionMask;
                }
                transitions[slot] = key << TARGET_BITS | targets[state][i];
            }
        }
    }

    /**
     * @param patterns folded, non-empty; the index of each is what {@link #endingPatterns} reports
     * @param reportLast per pattern, whether to list it after the unmarked ones of the same state
     */
    static TermAutomaton build(List<String> patterns, boolean[] reportLast) {
        List<Map<Character, Integer>> trie = new ArrayList<>();
        List<List<Integer>> own = new ArrayList<>();
        trie.add(new TreeMap<>());
        own.add(new ArrayList<>());
        for (int term = 0; term < patterns.size(); term++) {
            int state = 0;
            for (char c : patterns.get(term).toCharArray()) {
                Integer next = trie.get(state).get(c);
                if (next == null) {
                    next = trie.size();
                    trie.add(new TreeMap<>());
                    own.add(new ArrayList<>());
                    trie.get(state).put(c, next);
                }
                state = next;
            }
            own.get(state).add(term);
        }

        int states = trie.size();
        char[][] labels = new char[states][];
        int[][] targets = new int[states][];
        for (int state = 0; state < states; state++) {
            Map<Character, Integer> edges = trie.get(state);
            labels[state] = new char[edges.size()];
            targets[state] = new int[edges.size()];
            int i = 0;
            for (Map.Entry<Character, Integer> edge : edges.entrySet()) {
                labels[state][i] = edge.getKey();
                targets[state][i++] = edge.getValue();
            }
        }

        int[] failure = new int[states];
        int[][] ending = new int[states][];
        ending[0] = toArray(own.get(0));
        Queue<Integer> queue = new ArrayDeque<>();
        for (int child : targets[0]) {
            failure[child] = 0;
            queue.add(child);
        }
        TermAutomaton partial = new TermAutomaton(labels, targets, ending);
        for (int child : targets[0]) {
            partial.links[child] = labels[child].length > 0 ? HAS_CHILDREN : 0;
        }
        while (!queue.isEmpty()) {
            int state = queue.remove();
            int[] inherited = ending[failure[state]];
            int[] mine = toArray(own.get(state));
            ending[state] = inherited.length == 0 ? mine : concat(mine, inherited);
            for (int i = 0; i < labels[state].length; i++) {
                int child = targets[state][i];
                failure[child] = state == 0 ? 0 : partial.next(failure[state], labels[state][i]);
                partial.links[child] = failure[child] << FLAG_BITS | (labels[child].length > 0 ? HAS_CHILDREN : 0);
                queue.add(child);
            }
        }
        partial.links[0] = labels[0].length > 0 ? HAS_CHILDREN : 0;
        partial.putMarkedLast(reportLast);
        return partial;
    }

    /** Stable partition of each state's ending patterns, unmarked first; states that share a list keep sharing it. */
    private void putMarkedLast(boolean[] marked) {
        IdentityHashMap<int[], int[]> partitioned = new IdentityHashMap<>();
        for (int state = 0; state < endingPatterns.length; state++) {
            int[] ending = endingPatterns[state];
            int[] sorted = partitioned.computeIfAbsent(ending, list -> {
                int[] result = new int[list.length];
                int at = 0;
                for (int pass = 0; pass < 2; pass++) {
                    for (int pattern : list) {
                        if (marked[pattern] == (pass == 1)) {
                            result[at++] = pattern;
                        }
                    }
                }
                return result;
            });
            endingPatterns[state] = sorted;
            int first = 0;
            while (first < sorted.length && !marked[sorted[first]]) {
                first++;
            }
            firstReportedLast[state] = first;
            if (sorted.length > 0) {
                links[state] |= HAS_ENDINGS;
            }
        }
    }

    /** The state after reading {@code c} in {@code state}. */
    int next(int state, char c) {
        while (state != 0) {
            int link = links[state];
            if ((link & HAS_CHILDREN) != 0) {
                long key = (long) state << 16 | c;
                long entry;
                for (int slot = slot(key); (entry = transitions[slot]) != 0; slot = (slot + 1) & transitionMask) {
                    if (entry >>> TARGET_BITS == key) {
                        return (int) (entry & TARGET_MASK);
                    }
                }
            }
            state = link >>> FLAG_BITS;
        }
        return rootTransitions[c];
    }

    /** Whether some pattern ends at {@code state}: cheaper to ask than {@link #endingPatterns}. */
    boolean hasEndings(int state) {
        return (links[state] & HAS_ENDINGS) != 0;
    }

    private int slot(long key) {
        long mixed = key * 0x9E3779B97F4A7C15L;
        return (int) (mixed >>> 32) & transitionMask;
    }

    /** Indexes of the patterns that end at {@code state}: longest first, the unmarked ones before the marked ones. */
    int[] endingPatterns(int state) {
        return endingPatterns[state];
    }

    /** The position in {@link #endingPatterns} of the first pattern marked to be reported last (its length if none). */
    int firstReportedLast(int state) {
        return firstReportedLast[state];
    }

    int stateCount() {
        return links.length;
    }

    private static int[] toArray(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] concat(int[] a, int[] b) {
        int[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
