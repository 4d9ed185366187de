package dev.newsalerts.classifier.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A compiled rule: conditions over group ids, evaluated on the hits of one story. Positive groups
 * (all, any, atLeast.of) are kept sorted; the conditions refer to them by position in that array.
 */
final class Rule {

    private static final Field[] FIELDS = Field.values();
    private static final java.util.Comparator<MatchedTerm> IN_TEXT_ORDER =
            java.util.Comparator.comparing(MatchedTerm::field).thenComparingInt(MatchedTerm::start).thenComparingInt(MatchedTerm::end);

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

    /** The match when the rule fires on the story whose hits and group fields are in {@code hits}, else null. */
    RuleMatch evaluate(Hits hits, String[] termText, String[] groupNames) {
        for (int group : none) {
            if ((hits.groupFields(group) & fieldBits) != 0) {
                return null;
            }
        }
        boolean[] found = hits.found;
        for (int p = 0; p < positive.length; p++) {
            found[p] = (hits.groupFields(positive[p]) & fieldBits) != 0;
        }
        if (!holds(found) || (nearChars > 0 || nearWords > 0) && !holdsNearby(hits)) {
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
        List<MatchedTerm> terms = new ArrayList<>();
        for (int group : positive) {
            for (int hit = hits.firstHit(group); hit >= 0; hit = hits.nextHit(hit)) {
                int field = hits.field(hit);
                if ((fieldBits & 1 << field) != 0) {
                    terms.add(new MatchedTerm(termText[hits.term(hit)], groupNames[group], FIELDS[field], hits.start(hit), hits.end(hit)));
                }
            }
        }
        terms.sort(IN_TEXT_ORDER);
        return new RuleMatch(id, title, score, terms);
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

    /** Whether the conditions hold within one window of {@code near} size, in one field. */
    private boolean holdsNearby(Hits hits) {
        int[] order = hits.order(hits.hitCount());
        int[] positiveOf = hits.orderPositive(hits.hitCount());
        int count = 0;
        for (int p = 0; p < positive.length; p++) {
            for (int hit = hits.firstHit(positive[p]); hit >= 0; hit = hits.nextHit(hit)) {
                if ((fieldBits & 1 << hits.field(hit)) != 0) {
                    // insertion by (field, start): few hits per rule
                    int at = count++;
                    while (at > 0 && before(hits, hit, order[at - 1])) {
                        order[at] = order[at - 1];
                        positiveOf[at] = positiveOf[at - 1];
                        at--;
                    }
                    order[at] = hit;
                    positiveOf[at] = p;
                }
            }
        }
        boolean[] found = hits.windowFound;
        for (int first = 0; first < count; first++) {
            Arrays.fill(found, 0, positive.length, false);
            int a = order[first];
            for (int next = first; next < count; next++) {
                int b = order[next];
                boolean tooFar = hits.field(b) != hits.field(a) || (nearChars > 0 ? hits.end(b) - hits.start(a) > nearChars
                        : hits.word(b) - hits.word(a) >= nearWords);
                if (tooFar) {
                    break;
                }
                found[positiveOf[next]] = true;
                if (holds(found)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean before(Hits hits, int a, int b) {
        return hits.field(a) != hits.field(b) ? hits.field(a) < hits.field(b) : hits.start(a) < hits.start(b);
    }

    private int[] positions(int[] groups) {
        return Arrays.stream(groups).map(group -> Arrays.binarySearch(positive, group)).toArray();
    }
}
