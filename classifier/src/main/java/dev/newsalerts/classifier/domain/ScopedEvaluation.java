package dev.newsalerts.classifier.domain;

import java.util.Arrays;

/**
 * The evaluation of a rule that uses the lead, a sentence or paragraph, a condition's own scope or
 * mentions, on its hits in text order. First what the story as a whole says (a condition that the
 * whole story fails fails in every part of it), then: the hits outside the lead are dropped for a
 * lead-only rule (its content's hits stay, where it names content); each condition with a place of
 * its own ({@code in: title|summary|content|lead|anywhere})
 * must hold there; the others must hold together in one unit of the rule (one sentence, one
 * paragraph, or the rule's fields), within one {@code near} window if the rule has one. Counting
 * a group's occurrences (for {@code mentions}) counts each place in the text once.
 */
final class ScopedEvaluation {

    private static final Field[] FIELDS = Field.values();

    private ScopedEvaluation() {
    }

    static RuleMatch evaluate(Rule rule, int index, Hits hits, boolean[] sharedGroup, String[] termText, String[] groupNames) {
        long slots = hits.slotsFound(index);
        int positives = rule.positiveGroups().length;
        if (!rule.leadOnly && (slots & rule.noneSlots) != 0) {
            return null;
        }
        boolean[] found = hits.found;
        for (int p = 0; p < positives; p++) {
            found[p] = (slots >>> p & 1) != 0;
        }
        if (!rule.holds(found)) {
            return null;
        }
        int count = rule.collectHits(index, hits, sharedGroup);
        int[] order = hits.order(count);
        int[] slotOf = hits.orderSlot(count);
        if (rule.leadOnly) {
            count = keepLead(hits, order, slotOf, count);
        }
        Arrays.fill(found, 0, positives, false);
        for (int i = 0; i < count; i++) {
            if (slotOf[i] >= positives) {
                return null; // a none group's hit in the lead
            }
            found[slotOf[i]] = true;
        }
        double score = rule.score(found);
        if (score < rule.minScore) {
            return null;
        }
        for (int c = 0; c < rule.conditionScope.length; c++) {
            Scope place = rule.conditionScope[c];
            if (place != null && !place.isUnit() && !holdsIn(rule, c, place, hits, order, slotOf, count)) {
                return null;
            }
        }
        int window = jointWindow(rule, hits, order, slotOf, count);
        if (window == NOWHERE) {
            return null;
        }
        Passage within = null;
        if (rule.unit != Scope.ANYWHERE) {
            within = hits.units.passage(rule.unit, window);
        } else if (rule.nearChars > 0 || rule.nearWords > 0) {
            within = new Passage(Scope.NEAR, FIELDS[hits.field(hits.windowFirst)], hits.start(hits.windowFirst), hits.windowEnd);
        }
        return rule.match(score, hits, order, slotOf, count, termText, groupNames, within);
    }

    private static final int NOWHERE = -1;

    /** Drops the summary's hits after its lead (the content's, where the rule names it, stay). @return how many are left */
    private static int keepLead(Hits hits, int[] order, int[] slotOf, int count) {
        int kept = 0;
        for (int i = 0; i < count; i++) {
            int field = hits.field(order[i]);
            if (field == Field.CONTENT.ordinal() || hits.units.inLead(field, hits.start(order[i]))) {
                order[kept] = order[i];
                slotOf[kept++] = slotOf[i];
            }
        }
        return kept;
    }

    /** Whether condition {@code c} holds on the hits in {@code place}. */
    private static boolean holdsIn(Rule rule, int c, Scope place, Hits hits, int[] order, int[] slotOf, int count) {
        clearCounts(rule, hits);
        for (int i = 0; i < count; i++) {
            int hit = order[i];
            int field = hits.field(hit);
            boolean inside = switch (place) {
                case TITLE -> field == Field.TITLE.ordinal();
                case SUMMARY -> field == Field.SUMMARY.ordinal();
                case CONTENT -> field == Field.CONTENT.ordinal();
                case LEAD -> hits.units.inLead(field, hits.start(hit));
                default -> true;
            };
            if (inside) {
                countHit(hits, slotOf[i], field, hits.start(hit));
            }
        }
        return conditionHolds(rule, c, hits.counted);
    }

    /**
     * Where the conditions without a place of their own hold together: the unit (sentence or
     * paragraph, as {@link StoryUnits#unit}; 0 for the rule's fields), or {@link #NOWHERE}.
     */
    private static int jointWindow(Rule rule, Hits hits, int[] order, int[] slotOf, int count) {
        boolean near = rule.nearChars > 0 || rule.nearWords > 0;
        int[] unitOf = hits.unitOfHit(count);
        for (int i = 0; i < count; i++) {
            unitOf[i] = rule.unit == Scope.ANYWHERE ? 0 : hits.units.unit(rule.unit, hits.field(order[i]), hits.start(order[i]));
        }
        if (count == 0) {
            clearCounts(rule, hits);
            return jointHolds(rule, hits.counted) ? 0 : NOWHERE;
        }
        for (int from = 0; from < count; ) {
            int to = from + 1;
            while (to < count && unitOf[to] == unitOf[from]) {
                to++;
            }
            if (near ? holdsNearby(rule, hits, order, slotOf, from, to) : holdsTogether(rule, hits, slotOf, order, from, to)) {
                return unitOf[from];
            }
            from = to;
        }
        return NOWHERE;
    }

    private static boolean holdsTogether(Rule rule, Hits hits, int[] slotOf, int[] order, int from, int to) {
        clearCounts(rule, hits);
        for (int i = from; i < to; i++) {
            countHit(hits, slotOf[i], hits.field(order[i]), hits.start(order[i]));
        }
        return jointHolds(rule, hits.counted);
    }

    /** Like {@link Rule}'s windows, within the hits {@code [from, to)} of one unit. */
    private static boolean holdsNearby(Rule rule, Hits hits, int[] order, int[] slotOf, int from, int to) {
        for (int first = from; first < to; first++) {
            clearCounts(rule, hits);
            hits.windowEnd = 0;
            int a = order[first];
            for (int next = first; next < to; next++) {
                int b = order[next];
                if (hits.field(b) != hits.field(a)) {
                    break;
                }
                if (rule.nearChars > 0) {
                    if (hits.start(b) - hits.start(a) >= rule.nearChars) {
                        break;
                    }
                    if (hits.end(b) - hits.start(a) > rule.nearChars) {
                        continue;
                    }
                } else if (hits.word(b) - hits.word(a) >= rule.nearWords) {
                    break;
                }
                countHit(hits, slotOf[next], hits.field(b), hits.start(b));
                hits.windowEnd = Math.max(hits.windowEnd, hits.end(b));
                if (jointHolds(rule, hits.counted)) {
                    hits.windowFirst = a;
                    return true;
                }
            }
        }
        return false;
    }

    private static void clearCounts(Rule rule, Hits hits) {
        int positives = rule.positiveGroups().length;
        Arrays.fill(hits.counted, 0, positives, 0);
        Arrays.fill(hits.lastField, 0, positives, -1);
    }

    /** Counts an occurrence of the group in {@code slot}, unless it is at the place counted last (two terms of one group there). */
    private static void countHit(Hits hits, int slot, int field, int start) {
        if (slot < hits.counted.length && (hits.lastField[slot] != field || hits.lastStart[slot] != start)) {
            hits.counted[slot]++;
            hits.lastField[slot] = field;
            hits.lastStart[slot] = start;
        }
    }

    private static boolean jointHolds(Rule rule, int[] counted) {
        for (int c = 0; c < rule.conditionScope.length; c++) {
            Scope scope = rule.conditionScope[c];
            if ((scope == null || scope.isUnit()) && !conditionHolds(rule, c, counted)) {
                return false;
            }
        }
        return true;
    }

    private static boolean conditionHolds(Rule rule, int c, int[] counted) {
        int groups = 0;
        for (int p : rule.conditionGroups[c]) {
            groups += counted[p] >= rule.mentions[p] ? 1 : 0;
        }
        return groups >= rule.conditionNeeded[c];
    }
}
