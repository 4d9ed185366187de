package dev.newsalerts.classifier.domain;

import java.util.Arrays;

/**
 * What one story contains, and the scratch space to find it: one instance per thread, reused
 * story after story, so classifying allocates nothing but the matches.
 *
 * <p>The scan records each occurrence of a pattern once; it then becomes a term hit for every rule
 * slot the pattern feeds ({@link RuleFeeds}), chained per rule, or for its shared group, chained
 * per group. A hit touches one record of its rule (or group) and appends to one array, so that it
 * costs as few cache lines as possible.
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

    /**
     * Term hits, HIT_INTS ints each: the term, its occurrence, its slot in the rule (-1 for a shared
     * group's hit), and the next hit of the same rule or shared group (-1: none).
     */
    private static final int HIT_INTS = 4;
    private int hitCount;
    private int[] hitLog = new int[64 * HIT_INTS];

    /**
     * Per rule, two longs: a bit per slot found (positive groups, then none groups), and the number
     * of positive groups found in the upper half with the rule's first hit plus one (0: none) in the lower.
     */
    private long[] ruleState = new long[0];
    private int[] touchedRules = new int[16];
    private int touchedRuleCount;
    /** The rules that reached the fewest positive groups they need. */
    int[] candidateRules = new int[16];
    int candidateRuleCount;
    /** Per shared group ({@link RuleFeeds}), two ints: a bit per field in which it was found, and its first hit plus one. */
    private int[] groupState = new int[0];
    private int[] touchedGroups = new int[16];
    private int touchedGroupCount;

    /** Per positive group of the rule being evaluated: found in the story, found in the current window. */
    boolean[] found = new boolean[0];
    boolean[] windowFound = new boolean[0];
    /** The window a rule's {@code near} found last: its first hit and the end of its last term. */
    int windowFirst;
    int windowEnd;
    /** Per positive group of the rule being evaluated: its occurrences in the current scope, and the field and start of the last one counted. */
    int[] counted = new int[0];
    int[] lastField = new int[0];
    int[] lastStart = new int[0];
    /** The story's sentences, paragraphs and lead, computed only when a rule asks. */
    final StoryUnits units = new StoryUnits();
    private int[] unitOfHit = new int[64];
    private int[] order = new int[64];
    private int[] orderSlot = new int[64];

    void prepare(int rules, int groups, int longestTerm, int mostPositiveGroups) {
        occurrenceCount = 0;
        hitCount = 0;
        if (found.length < mostPositiveGroups) {
            found = new boolean[mostPositiveGroups];
            windowFound = new boolean[mostPositiveGroups];
            counted = new int[mostPositiveGroups];
            lastField = new int[mostPositiveGroups];
            lastStart = new int[mostPositiveGroups];
        }
        if (ruleState.length < rules * 2) {
            ruleState = new long[rules * 2];
        }
        if (groupState.length < groups * 2) {
            groupState = new int[groups * 2];
        }
        int ring = Integer.highestOneBit(Math.max(longestTerm + 1, 2) * 2);
        if (ringChar.length < ring) {
            ringChar = new char[ring];
            ringOrigin = new int[ring];
            ringWord = new int[ring];
        }
    }

    /** A scratch array of at least {@code length} ints, for the unit of each hit in {@link #order}. */
    int[] unitOfHit(int length) {
        if (unitOfHit.length < length) {
            unitOfHit = new int[Math.max(length, unitOfHit.length * 2)];
        }
        return unitOfHit;
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
     * Records that {@code term}, in the slot of {@code rule} that {@code feed} names ({@link RuleFeeds}),
     * was found at {@code occurrence}. Hits must come last to first, so that each rule's chain is in
     * text order.
     */
    void addTermHit(int rule, int term, int occurrence, int feed) {
        markSlot(rule, feed);
        if (!RuleFeeds.isNone(feed) || RuleFeeds.keepsHit(feed)) {
            int at = rule * 2 + 1;
            long counted = ruleState[at];
            int first = appendHit(term, occurrence, RuleFeeds.slot(feed), (int) counted - 1);
            ruleState[at] = counted & 0xFFFF_FFFF_0000_0000L | first + 1;
        }
    }

    /**
     * Records that the slot {@code feed} names of {@code rule} was found: sets its bit, counts it, and
     * makes the rule a candidate when it reaches the groups it needs.
     */
    void markSlot(int rule, int feed) {
        int at = rule * 2;
        long slots = ruleState[at];
        if (slots == 0) {
            touchedRules = put(touchedRules, touchedRuleCount++, rule);
        }
        long bit = 1L << RuleFeeds.slot(feed);
        ruleState[at] = slots | bit;
        if ((slots & bit) != 0 || RuleFeeds.isNone(feed)) {
            return;
        }
        long counted = ruleState[at + 1] + (1L << 32);
        ruleState[at + 1] = counted;
        if ((int) (counted >>> 32) == RuleFeeds.needed(feed)) {
            candidateRules = put(candidateRules, candidateRuleCount++, rule);
        }
    }

    /**
     * Records that {@code term} of the shared {@code group} was found at {@code occurrence}, last to
     * first like {@link #addTermHit}.
     *
     * @return the bit of the occurrence's field if the group had not been found in that field yet, else 0
     */
    int addSharedGroupHit(int group, int term, int occurrence) {
        int at = group * 2;
        int fields = groupState[at];
        if (fields == 0) {
            touchedGroups = put(touchedGroups, touchedGroupCount++, group);
        }
        int fieldBit = 1 << occurrenceField[occurrence];
        groupState[at] = fields | fieldBit;
        groupState[at + 1] = appendHit(term, occurrence, -1, groupState[at + 1] - 1) + 1;
        return (fields & fieldBit) == 0 ? fieldBit : 0;
    }

    /** Sets {@code array[at]}, growing the array first when {@code at} is its length. @return the array, maybe a new one */
    private static int[] put(int[] array, int at, int value) {
        int[] room = at == array.length ? Arrays.copyOf(array, at * 2) : array;
        room[at] = value;
        return room;
    }

    /** @return the index of the new hit */
    private int appendHit(int term, int occurrence, int slot, int next) {
        int log = hitCount * HIT_INTS;
        if (log == hitLog.length) {
            hitLog = Arrays.copyOf(hitLog, log * 2);
        }
        hitLog[log] = term;
        hitLog[log + 1] = occurrence;
        hitLog[log + 2] = slot;
        hitLog[log + 3] = next;
        return hitCount++;
    }

    int hitCount() {
        return hitCount;
    }

    /** A bit per slot of {@code rule} found in the fields it looks at. */
    long slotsFound(int rule) {
        return ruleState[rule * 2];
    }

    /** The first hit of {@code rule} in text order, or -1; hits of its shared groups are not in this chain. */
    int firstHit(int rule) {
        return (int) ruleState[rule * 2 + 1] - 1;
    }

    /** The first hit of the shared {@code group} in text order, or -1. */
    int firstSharedGroupHit(int group) {
        return groupState[group * 2 + 1] - 1;
    }

    /** The hit of the same rule or shared group after {@code hit}, or -1. */
    int nextHit(int hit) {
        return hitLog[hit * HIT_INTS + 3];
    }

    int term(int hit) {
        return hitLog[hit * HIT_INTS];
    }

    int slot(int hit) {
        return hitLog[hit * HIT_INTS + 2];
    }

    private int occurrence(int hit) {
        return hitLog[hit * HIT_INTS + 1];
    }

    int field(int hit) {
        return occurrenceField[occurrence(hit)];
    }

    int start(int hit) {
        return occurrenceStart[occurrence(hit)];
    }

    int end(int hit) {
        return occurrenceEnd[occurrence(hit)];
    }

    int word(int hit) {
        return occurrenceWord[occurrence(hit)];
    }

    /** A scratch array of at least {@code length} ints, for ordering hits; {@link #orderSlot} grows with it. */
    int[] order(int length) {
        ensureOrder(length);
        return order;
    }

    /** A scratch array of at least {@code length} ints, for the slot of each hit in {@link #order}. */
    int[] orderSlot(int length) {
        ensureOrder(length);
        return orderSlot;
    }

    private void ensureOrder(int length) {
        if (order.length < length) {
            order = new int[Math.max(length, order.length * 2)];
            orderSlot = new int[order.length];
        }
    }

    /** Forgets the rules and groups of the last story (occurrences and hits are overwritten by the next). */
    void reset() {
        units.clear();
        for (int i = 0; i < touchedRuleCount; i++) {
            int at = touchedRules[i] * 2;
            ruleState[at] = 0;
            ruleState[at + 1] = 0;
        }
        touchedRuleCount = 0;
        candidateRuleCount = 0;
        for (int i = 0; i < touchedGroupCount; i++) {
            int at = touchedGroups[i] * 2;
            groupState[at] = 0;
            groupState[at + 1] = 0;
        }
        touchedGroupCount = 0;
    }
}
