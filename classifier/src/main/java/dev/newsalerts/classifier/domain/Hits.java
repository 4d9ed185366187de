package dev.newsalerts.classifier.domain;

import java.util.Arrays;

/**
 * The terms found in one story, and the scratch space to find them: one instance per thread,
 * reused story after story, so scanning allocates nothing.
 */
final class Hits {

    int size;
    int[] term = new int[64];
    int[] field = new int[64];
    int[] start = new int[64];
    int[] end = new int[64];
    int[] word = new int[64];

    /** Ring buffers of the last folded chars, their offsets in the original and their word numbers. */
    char[] ringChar = new char[64];
    int[] ringOrigin = new int[64];
    int[] ringWord = new int[64];

    /** Per group, a bit per field in which it was found, and its first hit (-1: none); per hit, the next of its group. */
    int[] groupFields = new int[0];
    int[] groupFirstHit = new int[0];
    int[] nextHitOfGroup = new int[64];
    int[] touchedGroups = new int[16];
    int touchedGroupCount;
    /** Per rule, how many of its wanted groups were found; the rules counted, and those that reached their minimum. */
    int[] ruleGroupCount = new int[0];
    int[] countedRules = new int[16];
    int countedRuleCount;
    int[] candidateRules = new int[16];
    int candidateRuleCount;

    /** Per positive group of the rule being evaluated: found in the story, found in the current window. */
    boolean[] found = new boolean[0];
    boolean[] windowFound = new boolean[0];
    private int[] order = new int[64];
    private int[] orderPositive = new int[64];

    void prepare(int groups, int rules, int longestTerm, int mostPositiveGroups) {
        size = 0;
        if (found.length < mostPositiveGroups) {
            found = new boolean[mostPositiveGroups];
            windowFound = new boolean[mostPositiveGroups];
        }
        if (groupFields.length < groups) {
            groupFields = new int[groups];
            groupFirstHit = new int[groups];
            Arrays.fill(groupFirstHit, -1);
        }
        if (ruleGroupCount.length < rules) {
            ruleGroupCount = new int[rules];
        }
        int ring = Integer.highestOneBit(Math.max(longestTerm + 1, 2) * 2);
        if (ringChar.length < ring) {
            ringChar = new char[ring];
            ringOrigin = new int[ring];
            ringWord = new int[ring];
        }
    }

    /** Scratch arrays of at least {@code length} ints: hit indexes, and the positive group of each. */
    int[] order(int length) {
        ensureOrder(length);
        return order;
    }

    int[] orderPositive(int length) {
        ensureOrder(length);
        return orderPositive;
    }

    private void ensureOrder(int length) {
        if (order.length < length) {
            order = new int[Math.max(length, order.length * 2)];
            orderPositive = new int[order.length];
        }
    }

    /** One hit for each of {@code terms}, all at the same place. */
    void add(int[] terms, int fieldIndex, int startOffset, int endOffset, int wordNumber) {
        int to = size + terms.length;
        if (to > term.length) {
            int capacity = Math.max(to, term.length * 2);
            term = Arrays.copyOf(term, capacity);
            field = Arrays.copyOf(field, capacity);
            start = Arrays.copyOf(start, capacity);
            end = Arrays.copyOf(end, capacity);
            word = Arrays.copyOf(word, capacity);
        }
        System.arraycopy(terms, 0, term, size, terms.length);
        Arrays.fill(field, size, to, fieldIndex);
        Arrays.fill(start, size, to, startOffset);
        Arrays.fill(end, size, to, endOffset);
        Arrays.fill(word, size, to, wordNumber);
        size = to;
    }

    /** Makes room to chain all hits found: call once before {@link #touchGroup}. */
    void prepareGroupChains() {
        if (nextHitOfGroup.length < size) {
            nextHitOfGroup = new int[term.length];
        }
    }

    /** Records hit {@code hit} of {@code group}; hits must come last to first, so that each group's chain is in text order. */
    void touchGroup(int group, int hit) {
        if (groupFields[group] == 0) {
            if (touchedGroupCount == touchedGroups.length) {
                touchedGroups = Arrays.copyOf(touchedGroups, touchedGroupCount * 2);
            }
            touchedGroups[touchedGroupCount++] = group;
        }
        groupFields[group] |= 1 << field[hit];
        nextHitOfGroup[hit] = groupFirstHit[group];
        groupFirstHit[group] = hit;
    }

    /** Counts one more wanted group found for {@code rule}; the rule becomes a candidate when it reaches {@code needed}. */
    void countGroup(int rule, int needed) {
        if (ruleGroupCount[rule]++ == 0) {
            if (countedRuleCount == countedRules.length) {
                countedRules = Arrays.copyOf(countedRules, countedRuleCount * 2);
            }
            countedRules[countedRuleCount++] = rule;
        }
        if (ruleGroupCount[rule] == needed) {
            if (candidateRuleCount == candidateRules.length) {
                candidateRules = Arrays.copyOf(candidateRules, candidateRuleCount * 2);
            }
            candidateRules[candidateRuleCount++] = rule;
        }
    }

    /** Forgets the groups and rules of the last story (the hits are overwritten by the next). */
    void reset() {
        for (int i = 0; i < touchedGroupCount; i++) {
            groupFields[touchedGroups[i]] = 0;
            groupFirstHit[touchedGroups[i]] = -1;
        }
        touchedGroupCount = 0;
        for (int i = 0; i < countedRuleCount; i++) {
            ruleGroupCount[countedRules[i]] = 0;
        }
        countedRuleCount = 0;
        candidateRuleCount = 0;
    }
}
