package dev.newsalerts.classifier.domain;

import java.util.Arrays;

/**
 * What one story contains, and the scratch space to find it: one instance per thread, reused
 * story after story, so classifying allocates nothing but the matches.
 *
 * <p>The scan records each occurrence of a pattern once; the terms of every group that share the
 * pattern then become term hits that point at it, chained per group. The arrays written for every
 * hit are laid out so that a hit touches as few cache lines as possible.
 */
final class Hits {

    /** Pattern occurrences: the pattern (-1 once rejected), field, offsets in the original text, word number of the start. */
    int occurrenceCount;
    int[] occurrencePattern = new int[64];
    int[] occurrenceField = new int[64];
    int[] occurrenceStart = new int[64];
    int[] occurrenceEnd = new int[64];
    int[] occurrenceWord = new int[64];

    /** Ring buffers of the last folded chars, their offsets in the original and their word numbers. */
    char[] ringChar = new char[64];
    int[] ringOrigin = new int[64];
    int[] ringWord = new int[64];

    /** Term hits, HIT_INTS ints each: the term, its occurrence, and the next hit of the same group (-1: none). */
    private static final int HIT_INTS = 3;
    private int hitCount;
    private int[] hitLog = new int[64 * HIT_INTS];

    /** Per group, two ints: a bit per field in which the group was found, and its first hit plus one (0: none). */
    private int[] groupState = new int[0];
    private int[] touchedGroups = new int[16];
    private int touchedGroupCount;
    /** Per rule, how many of its wanted groups were found; the rules counted, and those that reached their minimum. */
    private int[] ruleGroupCount = new int[0];
    private int[] countedRules = new int[16];
    private int countedRuleCount;
    int[] candidateRules = new int[16];
    int candidateRuleCount;

    /** Per positive group of the rule being evaluated: found in the story, found in the current window. */
    boolean[] found = new boolean[0];
    boolean[] windowFound = new boolean[0];
    private int[] order = new int[64];
    private int[] orderPositive = new int[64];

    void prepare(int groups, int rules, int longestTerm, int mostPositiveGroups) {
        occurrenceCount = 0;
        hitCount = 0;
        if (found.length < mostPositiveGroups) {
            found = new boolean[mostPositiveGroups];
            windowFound = new boolean[mostPositiveGroups];
        }
        if (groupState.length < groups * 2) {
            groupState = new int[groups * 2];
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

    /** Records that {@code pattern} occurs at the given place. */
    void addOccurrence(int pattern, int field, int startOffset, int endOffset, int wordNumber) {
        int at = occurrenceCount;
        if (at == occurrencePattern.length) {
            int capacity = at * 2;
            occurrencePattern = Arrays.copyOf(occurrencePattern, capacity);
            occurrenceField = Arrays.copyOf(occurrenceField, capacity);
            occurrenceStart = Arrays.copyOf(occurrenceStart, capacity);
            occurrenceEnd = Arrays.copyOf(occurrenceEnd, capacity);
            occurrenceWord = Arrays.copyOf(occurrenceWord, capacity);
        }
        occurrencePattern[at] = pattern;
        occurrenceField[at] = field;
        occurrenceStart[at] = startOffset;
        occurrenceEnd[at] = endOffset;
        occurrenceWord[at] = wordNumber;
        occurrenceCount = at + 1;
    }

    /**
     * Records that {@code term} of {@code group} was found at {@code occurrence}. Hits must come last
     * to first, so that each group's chain is in text order.
     *
     * @return whether this is the first hit of the group in this story
     */
    boolean addTermHit(int group, int term, int occurrence) {
        int at = hitCount * HIT_INTS;
        if (at == hitLog.length) {
            hitLog = Arrays.copyOf(hitLog, at * 2);
        }
        int state = group * 2;
        int fields = groupState[state];
        hitLog[at] = term;
        hitLog[at + 1] = occurrence;
        hitLog[at + 2] = groupState[state + 1] - 1;
        groupState[state] = fields | 1 << occurrenceField[occurrence];
        groupState[state + 1] = ++hitCount;
        if (fields != 0) {
            return false;
        }
        if (touchedGroupCount == touchedGroups.length) {
            touchedGroups = Arrays.copyOf(touchedGroups, touchedGroupCount * 2);
        }
        touchedGroups[touchedGroupCount++] = group;
        return true;
    }

    /** Counts one more wanted group found for {@code rule}; the rule becomes a candidate when it reaches {@code needed}. */
    void countGroup(int rule, int needed) {
        int count = ++ruleGroupCount[rule];
        if (count == 1) {
            if (countedRuleCount == countedRules.length) {
                countedRules = Arrays.copyOf(countedRules, countedRuleCount * 2);
            }
            countedRules[countedRuleCount++] = rule;
        }
        if (count == needed) {
            if (candidateRuleCount == candidateRules.length) {
                candidateRules = Arrays.copyOf(candidateRules, candidateRuleCount * 2);
            }
            candidateRules[candidateRuleCount++] = rule;
        }
    }

    int hitCount() {
        return hitCount;
    }

    /** A bit per field in which {@code group} was found (0: not found). */
    int groupFields(int group) {
        return groupState[group * 2];
    }

    /** The first hit of {@code group} in text order, or -1. */
    int firstHit(int group) {
        return groupState[group * 2 + 1] - 1;
    }

    /** The hit of the same group after {@code hit}, or -1. */
    int nextHit(int hit) {
        return hitLog[hit * HIT_INTS + 2];
    }

    int term(int hit) {
        return hitLog[hit * HIT_INTS];
    }

    int field(int hit) {
        return occurrenceField[hitLog[hit * HIT_INTS + 1]];
    }

    int start(int hit) {
        return occurrenceStart[hitLog[hit * HIT_INTS + 1]];
    }

    int end(int hit) {
        return occurrenceEnd[hitLog[hit * HIT_INTS + 1]];
    }

    int word(int hit) {
        return occurrenceWord[hitLog[hit * HIT_INTS + 1]];
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

    /** Forgets the groups and rules of the last story (occurrences and hits are overwritten by the next). */
    void reset() {
        for (int i = 0; i < touchedGroupCount; i++) {
            int state = touchedGroups[i] * 2;
            groupState[state] = 0;
            groupState[state + 1] = 0;
        }
        touchedGroupCount = 0;
        for (int i = 0; i < countedRuleCount; i++) {
            ruleGroupCount[countedRules[i]] = 0;
        }
        countedRuleCount = 0;
        candidateRuleCount = 0;
    }
}
