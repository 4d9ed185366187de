package dev.newsalerts.classifier.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A compiled rule: conditions over group ids, evaluated on the hits of one story. Positive groups
 * (all, any, atLeast.of) are kept sorted; the conditions refer to them by position in that array.
 */
final class Rule {

    private static final Field[] FIELDS = Field.values();

    final String id;
    final String title;
    private final int[] positive;
    private final double[] weights;
    private final double totalWeight;
    /** Per condition (all, any, each atLeast): the positions of its groups, how many it needs, its scope (null: the rule's unit). */
    final int[][] conditionGroups;
    final int[] conditionNeeded;
    final Scope[] conditionScope;
    final int[] none;
    /** The bits of the none groups among the slots of a story's hits: they follow the positive groups. */
    final long noneSlots;
    final int fieldBits;
    final double minScore;
    final int nearChars;
    final int nearWords;
    /** Whether the rule looks at the summary's lead only (fields: [lead]): its field bits then say more than it sees. */
    final boolean leadOnly;
    /** Where the conditions without a scope of their own hold together: ANYWHERE, SENTENCE or PARAGRAPH. */
    final Scope unit;
    /** Per positive group, how many times it must occur to count (1 unless {@code mentions} says more). */
    final int[] mentions;
    /** Whether the rule needs {@link ScopedEvaluation}: a lead, a unit, a condition's own scope or mentions. */
    final boolean scoped;

    /** @param conditions per condition its group ids, {@code needed} and {@code scope} aligned; {@code weights} and {@code mentions} with the sorted positive groups */
    Rule(String id, String title, int[] positive, double[] weights, List<int[]> conditions, int[] needed, Scope[] scope,
            int[] none, int fieldBits, double minScore, int nearChars, int nearWords, boolean leadOnly, Scope unit, int[] mentions) {
        this.id = id;
        this.title = title;
        this.positive = positive;
        this.weights = weights;
        this.totalWeight = Arrays.stream(weights).sum();
        this.conditionGroups = conditions.stream().map(this::positions).toArray(int[][]::new);
        this.conditionNeeded = needed;
        this.conditionScope = scope;
        this.none = none;
        this.noneSlots = none.length == 0 ? 0 : -1L >>> (Long.SIZE - none.length) << positive.length;
        this.fieldBits = fieldBits;
        this.minScore = minScore;
        this.nearChars = nearChars;
        this.nearWords = nearWords;
        this.leadOnly = leadOnly;
        this.unit = unit;
        this.mentions = mentions;
        this.scoped = leadOnly || unit != Scope.ANYWHERE || Arrays.stream(scope).anyMatch(Objects::nonNull)
                || Arrays.stream(mentions).anyMatch(m -> m > 1);
    }

    int[] positiveGroups() {
        return positive;
    }

    /** Fewest distinct wanted groups a story must contain for this rule to fire: below it, no need to evaluate. */
    int minimumGroups() {
        return Arrays.stream(conditionNeeded).max().orElse(0);
    }

    /** Whether the hits of this rule's {@code none} groups are kept: a lead-only rule checks where they are. */
    boolean keepsNoneHits() {
        return leadOnly && none.length > 0;
    }

    int[] noneGroups() {
        return none;
    }

    /** A bit per field (1 << ordinal) the rule looks at. */
    int fieldBits() {
        return fieldBits;
    }

    /**
     * The match when the rule fires on the story whose hits are in {@code hits}, else null.
     *
     * @param index this rule's index in its rule set, by which {@code hits} knows it
     */
    RuleMatch evaluate(int index, Hits hits, boolean[] sharedGroup, String[] termText, String[] groupNames) {
        if (scoped) {
            return ScopedEvaluation.evaluate(this, index, hits, sharedGroup, termText, groupNames);
        }
        long slots = hits.slotsFound(index);
        if ((slots & noneSlots) != 0) {
            return null;
        }
        boolean[] found = hits.found;
        for (int p = 0; p < positive.length; p++) {
            found[p] = (slots >>> p & 1) != 0;
        }
        if (!holds(found)) {
            return null;
        }
        double score = score(found);
        if (score < minScore) {
            return null;
        }
        int count = collectHits(index, hits, sharedGroup);
        int[] order = hits.order(count);
        int[] slotOf = hits.orderSlot(count);
        Passage within = null;
        if (nearChars > 0 || nearWords > 0) {
            if (!holdsNearby(hits, order, slotOf, count)) {
                return null;
            }
            within = new Passage(Scope.NEAR, FIELDS[hits.field(hits.windowFirst)], hits.start(hits.windowFirst), hits.windowEnd);
        }
        return match(score, hits, order, slotOf, count, termText, groupNames, within);
    }

    /** The match with the hits {@code order[0..count)}, those of none groups left out. */
    RuleMatch match(double score, Hits hits, int[] order, int[] slotOf, int count, String[] termText, String[] groupNames,
            Passage within) {
        int positives = 0;
        for (int i = 0; i < count; i++) {
            positives += slotOf[i] < positive.length ? 1 : 0;
        }
        MatchedTerm[] terms = new MatchedTerm[positives];
        for (int i = 0, t = 0; i < count; i++) {
            int hit = order[i];
            if (slotOf[i] < positive.length) {
                terms[t++] = new MatchedTerm(termText[hits.term(hit)], groupNames[positive[slotOf[i]]], FIELDS[hits.field(hit)],
                        hits.start(hit), hits.end(hit));
            }
        }
        return new RuleMatch(id, title, score, List.of(terms), within);
    }

    /**
     * Puts this rule's hits in the fields it looks at, its own chain and those of its shared positive
     * groups, into {@link Hits#order} and their slots into {@link Hits#orderSlot}, sorted by (field,
     * start, end, slot), stably: ties keep chain order.
     *
     * @return how many
     */
    int collectHits(int index, Hits hits, boolean[] sharedGroup) {
        int[] order = hits.order(hits.hitCount());
        int[] slotOf = hits.orderSlot(hits.hitCount());
        int count = 0;
        for (int hit = hits.firstHit(index); hit >= 0; hit = hits.nextHit(hit)) {
            count = insertInOrder(hits, order, slotOf, count, hit, hits.slot(hit));
        }
        for (int p = 0; p < positive.length; p++) {
            if (sharedGroup[positive[p]]) {
                for (int hit = hits.firstSharedGroupHit(positive[p]); hit >= 0; hit = hits.nextHit(hit)) {
                    if ((fieldBits & 1 << hits.field(hit)) != 0) {
                        count = insertInOrder(hits, order, slotOf, count, hit, p);
                    }
                }
            }
        }
        for (int n = 0; keepsNoneHits() && n < none.length; n++) {
            if (sharedGroup[none[n]]) {
                for (int hit = hits.firstSharedGroupHit(none[n]); hit >= 0; hit = hits.nextHit(hit)) {
                    if ((fieldBits & 1 << hits.field(hit)) != 0) {
                        count = insertInOrder(hits, order, slotOf, count, hit, positive.length + n);
                    }
                }
            }
        }
        return count;
    }

    /** Insertion sort step: chains come nearly in order. @return the new count */
    private static int insertInOrder(Hits hits, int[] order, int[] slotOf, int count, int hit, int slot) {
        int at = count;
        while (at > 0 && reportedAfter(hits, order[at - 1], slotOf[at - 1], hit, slot)) {
            order[at] = order[at - 1];
            slotOf[at] = slotOf[at - 1];
            at--;
        }
        order[at] = hit;
        slotOf[at] = slot;
        return count + 1;
    }

    private static boolean reportedAfter(Hits hits, int a, int slotA, int b, int slotB) {
        if (hits.field(a) != hits.field(b)) {
            return hits.field(a) > hits.field(b);
        }
        if (hits.start(a) != hits.start(b)) {
            return hits.start(a) > hits.start(b);
        }
        if (hits.end(a) != hits.end(b)) {
            return hits.end(a) > hits.end(b);
        }
        return slotA > slotB;
    }

    /** The weight of the groups found ({@code found}, by position) in that of all positive groups, rounded to 3 decimals. */
    double score(boolean[] found) {
        double weight = 0;
        for (int p = 0; p < positive.length; p++) {
            weight += found[p] ? weights[p] : 0;
        }
        return Math.round(weight / totalWeight * 1000) / 1000.0;
    }

    /** Whether every condition holds, the groups found being {@code found} (by position). */
    boolean holds(boolean[] found) {
        for (int c = 0; c < conditionGroups.length; c++) {
            int count = 0;
            for (int p : conditionGroups[c]) {
                count += found[p] ? 1 : 0;
            }
            if (count < conditionNeeded[c]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the conditions hold within one window of {@code near} size in one field: a window
     * starts at a hit and holds the hits that start after it and end within the size (in chars), or
     * start fewer than the size words after it.
     */
    private boolean holdsNearby(Hits hits, int[] order, int[] slotOf, int count) {
        boolean[] found = hits.windowFound;
        for (int first = 0; first < count; first++) {
            Arrays.fill(found, 0, positive.length, false);
            hits.windowEnd = 0;
            int a = order[first];
            for (int next = first; next < count; next++) {
                int b = order[next];
                if (hits.field(b) != hits.field(a)) {
                    break;
                }
                if (nearChars > 0) {
                    if (hits.start(b) - hits.start(a) >= nearChars) {
                        break; // it and all after it end too far
                    }
                    if (hits.end(b) - hits.start(a) > nearChars) {
                        continue; // a long term: a shorter one after it may still fit
                    }
                } else if (hits.word(b) - hits.word(a) >= nearWords) {
                    break;
                }
                found[slotOf[next]] = true;
                hits.windowEnd = Math.max(hits.windowEnd, hits.end(b));
                if (holds(found)) {
                    hits.windowFirst = a;
                    return true;
                }
            }
        }
        return false;
    }

    private int[] positions(int[] groups) {
        return Arrays.stream(groups).map(group -> Arrays.binarySearch(positive, group)).toArray();
    }
}
