package dev.newsalerts.classifier.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;

/**
 * An Aho-Corasick automaton over the folded forms of all terms of a rule set: one pass over a
 * text finds every occurrence of every term. Immutable once built.
 *
 * <p>A state is an int that carries two flags in its low bits, "has transitions" and "has
 * patterns ending here", so that the scan can skip a lookup, or learn that nothing ends here,
 * without reading memory. The root's transitions are a table by char; the others two
 * open-addressing hash tables whose slots hold key and target in one long: one for chars below
 * U+3000 (Latin and other spaced scripts), one for the rest (CJK), so that a story in one script
 * reads only the part of the automaton for that script, which then fits a smaller cache. The
 * patterns that end at a state (its own and those of its suffix states, longest first, those
 * marked to be reported last after the others) lie in one flat array, each with its length.
 */
final class TermAutomaton {

    private static final int HAS_CHILDREN = 1;
    private static final int HAS_ENDINGS = 2;
    private static final int FLAG_BITS = 2;
    /** A slot of the hash table holds the key (state << 16 | char) in its upper 40 bits and the target in its lower 24. */
    private static final int TARGET_BITS = 24;
    private static final long TARGET_MASK = (1L << TARGET_BITS) - 1;

    /** By state index (a state without its flags): the failure state. */
    private final int[] failure;
    /**
     * By state index i: its ending patterns are the pairs (pattern, length) in {@link #endings} from
     * endingIndex[2 * i] up to endingIndex[2 * i + 2], the ones marked to be reported last from endingIndex[2 * i + 1].
     */
    private final int[] endingIndex;
    final int[] endings;
    /** The root's transitions by char (0: stay at the root): every failure chain ends there, so it must be quick. */
    private final int[] rootTransitions = new int[0x10000];
    /** The other transitions, by the script of their char. */
    private final TransitionTable narrow;
    private final TransitionTable wide;
    private static final char FIRST_WIDE = '\u3000';

    private TermAutomaton(Trie trie, int[] failureIndex, int[][] endingPatterns, boolean[] reportLast, int[] patternLengths) {
        int states = trie.labels.length;
        if (states > 1 << (TARGET_BITS - FLAG_BITS)) {
            throw new RuleFileException("the terms are too many: together they need " + states
                    + " automaton states, at most " + (1 << (TARGET_BITS - FLAG_BITS)) + " (about that many characters of distinct term text)");
        }
        int[] state = new int[states];
        for (int index = 1; index < states; index++) {
            state[index] = index << FLAG_BITS | (trie.labels[index].length > 0 ? HAS_CHILDREN : 0)
                    | (endingPatterns[index].length > 0 ? HAS_ENDINGS : 0);
        }
        this.failure = new int[states];
        for (int index = 1; index < states; index++) {
            failure[index] = state[failureIndex[index]];
        }
        this.endingIndex = new int[2 * states + 1];
        int pairs = 0;
        for (int[] ending : endingPatterns) {
            pairs += ending.length;
        }
        this.endings = new int[2 * pairs];
        int at = 0;
        for (int index = 0; index < states; index++) {
            endingIndex[2 * index] = at;
            for (boolean last : new boolean[] {false, true}) { // a stable partition: unmarked first
                if (last) {
                    endingIndex[2 * index + 1] = at;
                }
                for (int pattern : endingPatterns[index]) {
                    if (reportLast[pattern] == last) {
                        endings[at++] = pattern;
                        endings[at++] = patternLengths[pattern];
                    }
                }
            }
        }
        endingIndex[2 * states] = at;
        for (int i = 0; i < trie.labels[0].length; i++) {
            rootTransitions[trie.labels[0][i]] = state[trie.targets[0][i]];
        }
        int narrowCount = 0;
        int wideCount = 0;
        for (int index = 1; index < states; index++) {
            for (char label : trie.labels[index]) {
                if (label < FIRST_WIDE) {
                    narrowCount++;
                } else {
                    wideCount++;
                }
            }
        }
        narrow = new TransitionTable(narrowCount);
        wide = new TransitionTable(wideCount);
        for (int index = 1; index < states; index++) {
            for (int i = 0; i < trie.labels[index].length; i++) {
                char label = trie.labels[index][i];
                (label < FIRST_WIDE ? narrow : wide).put((long) state[index] << 16 | label, state[trie.targets[index][i]]);
            }
        }
    }

    /**
     * @param patterns folded, non-empty; the index of each is what {@link #endings} reports
     * @param reportLast per pattern, whether to list it after the unmarked ones of the same state
     */
    static TermAutomaton build(List<String> patterns, boolean[] reportLast) {
        Trie trie = Trie.of(patterns);
        int states = trie.labels.length;
        int[] failure = new int[states];
        int[][] ending = new int[states][];
        ending[0] = trie.own[0];
        Queue<Integer> queue = new ArrayDeque<>();
        for (int child : trie.targets[0]) {
            queue.add(child);
        }
        while (!queue.isEmpty()) {
            int index = queue.remove();
            int[] inherited = ending[failure[index]];
            int[] mine = trie.own[index];
            ending[index] = inherited.length == 0 ? mine : concat(mine, inherited);
            for (int i = 0; i < trie.labels[index].length; i++) {
                int child = trie.targets[index][i];
                failure[child] = index == 0 ? 0 : trie.next(failure[index], trie.labels[index][i], failure);
                queue.add(child);
            }
        }
        int[] lengths = patterns.stream().mapToInt(String::length).toArray();
        return new TermAutomaton(trie, failure, ending, reportLast, lengths);
    }

    /** The state after reading {@code c} in {@code state}. */
    int next(int state, char c) {
        TransitionTable table = c < FIRST_WIDE ? narrow : wide;
        while (state != 0) {
            if ((state & HAS_CHILDREN) != 0) {
                int target = table.find((long) state << 16 | c);
                if (target >= 0) {
                    return target;
                }
            }
            state = failure[state >>> FLAG_BITS];
        }
        return rootTransitions[c];
    }

    /** Whether some pattern ends at {@code state}: asking reads no memory. */
    static boolean hasEndings(int state) {
        return (state & HAS_ENDINGS) != 0;
    }

    /** Where the (pattern, length) pairs of the patterns ending at {@code state} start in {@link #endings}: longest first. */
    int endingsFrom(int state) {
        return endingIndex[2 * (state >>> FLAG_BITS)];
    }

    /** Where the patterns marked to be reported last start among those of {@code state} (their end if none). */
    int markedFrom(int state) {
        return endingIndex[2 * (state >>> FLAG_BITS) + 1];
    }

    /** Where the pairs of {@code state} end in {@link #endings}. */
    int endingsTo(int state) {
        return endingIndex[2 * (state >>> FLAG_BITS) + 2];
    }

    private static int[] concat(int[] a, int[] b) {
        int[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    /** Transitions keyed by (state << 16 | char), key and target in one long; 0 is a free slot; linear probing. */
    private static final class TransitionTable {
        private final long[] slots;
        private final int mask;

        TransitionTable(int count) {
            slots = new long[Integer.highestOneBit(Math.max(count, 8) * 4)];
            mask = slots.length - 1;
        }

        void put(long key, int target) {
            int slot = slot(key);
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = key << TARGET_BITS | target;
        }

        /** The target of {@code key}, or -1. */
        int find(long key) {
            long entry;
            for (int slot = slot(key); (entry = slots[slot]) != 0; slot = (slot + 1) & mask) {
                if (entry >>> TARGET_BITS == key) {
                    return (int) (entry & TARGET_MASK);
                }
            }
            return -1;
        }

        private int slot(long key) {
            long mixed = key * 0x9E3779B97F4A7C15L;
            return (int) (mixed >>> 32) & mask;
        }
    }

    /** The goto function of the automaton, as built: per state, its sorted labels, targets and own patterns. */
    private record Trie(char[][] labels, int[][] targets, int[][] own) {

        static Trie of(List<String> patterns) {
            List<Map<Character, Integer>> edges = new ArrayList<>();
            List<List<Integer>> own = new ArrayList<>();
            edges.add(new TreeMap<>());
            own.add(new ArrayList<>());
            for (int pattern = 0; pattern < patterns.size(); pattern++) {
                int state = 0;
                for (char c : patterns.get(pattern).toCharArray()) {
                    Integer next = edges.get(state).get(c);
                    if (next == null) {
                        next = edges.size();
                        edges.add(new TreeMap<>());
                        own.add(new ArrayList<>());
                        edges.get(state).put(c, next);
                    }
                    state = next;
                }
                own.get(state).add(pattern);
            }
            int states = edges.size();
            char[][] labels = new char[states][];
            int[][] targets = new int[states][];
            int[][] owned = new int[states][];
            for (int state = 0; state < states; state++) {
                labels[state] = new char[edges.get(state).size()];
                targets[state] = new int[labels[state].length];
                int i = 0;
                for (Map.Entry<Character, Integer> edge : edges.get(state).entrySet()) {
                    labels[state][i] = edge.getKey();
                    targets[state][i++] = edge.getValue();
                }
                owned[state] = own.get(state).stream().mapToInt(Integer::intValue).toArray();
            }
            return new Trie(labels, targets, owned);
        }

        /** The state index after reading {@code c} in {@code index}, following failure links: for building only. */
        int next(int index, char c, int[] failure) {
            while (true) {
                int at = Arrays.binarySearch(labels[index], c);
                if (at >= 0) {
                    return targets[index][at];
                }
                if (index == 0) {
                    return 0;
                }
                index = failure[index];
            }
        }
    }
}
