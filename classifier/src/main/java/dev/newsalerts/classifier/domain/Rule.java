package dev.newsalerts.classifier.domain;

import java.util.Arrays;
import java.util.List;

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
    private final int[] all;
    private final int[] any;
    private final int[] atLeastOf;
    private final int atLeastCount;
    private final int[] none;
    /** The bits of the none groups among the slots of a story's hits: they follow the positive groups. */
    private final long noneSlots;
    private final int fieldBits;
    private final double minScore;
    private final int nearChars;
    private final int nearWords;

    /** Conditions are given as group ids; {@code weights} aligned with the sorted positive groups. */
    Rule(String id, String title, int[] positive, double[] weights, int[] allGroups, int[] anyGroups, int[] atLeastGroups,
            int atLeastCount, int[] none, int fieldBits, double minScore, int nearChars, int nearWords) {
        this.id = id;
        this.title = title;
        this.positive = positive;
        this.weights = weights;
        this.totalWeight = Arrays.stream(weights).sum();
        this.all = positions(allGroups);
        this.any = positions(anyGroups);
        this.atLeastOf = positions(atLeastGroups);
        this.atLeastCount = atLeastCount;
        this.none = none;
        this.noneSlots = none.length == 0 ? 0 : -1L >>> (Long.SIZE - none.length) << positive.length;
        this.fieldBits = fieldBits;
        this.minScore = minScore;
        this.nearChars = nearChars;
        this.nearWords = nearWords;
    }

    int[] positiveGroups() {
        return positive;
    }

    /** Fewest distinct wanted groups a story must contain for this rule to fire: below it, no need to evaluate. */
    int minimumGroups() {
        return Math.max(Math.max(all.length, atLeastCount), any.length > 0 ? 1 : 0);
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
        double weight = 0;
        for (int p = 0; p < positive.length; p++) {
            weight += found[p] ? weights[p] : 0;
        }
        double score = Math.round(weight / totalWeight * 1000) / 1000.0;
        if (score < minScore) {
            return null;
        }
        int count = collectHits(index, hits, sharedGroup);
        int[] order = hits.order(count);
        int[] slotOf = hits.orderSlot(count);
        if ((nearChars > 0 || nearWords > 0) && !holdsNearby(hits, order, slotOf, count)) {
            return null;
        }
        MatchedTerm[] terms = new MatchedTerm[count];
        for (int i = 0; i < count; i++) {
            int hit = order[i];
            terms[i] = new MatchedTerm(termText[hits.term(hit)], groupNames[positive[slotOf[i]]], FIELDS[hits.field(hit)],
                    hits.start(hit), hits.end(hit));
        }
        return new RuleMatch(id, title, score, List.of(terms));
    }

    /**
     * Puts this rule's hits in the fields it looks at, its own chain and those of its shared positive
     * groups, into {@link Hits#order} and their slots into {@link Hits#orderSlot}, sorted by (field,
     * start, end, slot), stably: ties keep chain order.
     *
     * @return how many
     */
    private int collectHits(int index, Hits hits, boolean[] sharedGroup) {
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

    private boolean holds(boolean[] found) {
        for (int p : all) {
            if (!found[p]) {
                return false;
            }
        }
        boolean anyFound = any.length == 0;
        for (int p : any) {
            anyFound |= found[p];
        }
        int atLeast = 0;
        for (int p : atLeastOf) {
            atLeast += found[p] ? 1 : 0;
        }
        return anyFound && atLeast >= atLeastCount;
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
                if (holds(found)) {
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
