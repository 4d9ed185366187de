package dev.newsalerts.classifier.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A compiled rule: conditions over group ids, evaluated on the hits of one story. Positive groups
 * (all, any, atLeast.of) are kept sorted; the conditions refer to them by position in that array.
 */
final class Rule {

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

    /** The match, when the rule fires on the story whose hits and group fields are in {@code hits}. */
    Optional<RuleMatch> evaluate(Hits hits, int[] termGroup, String[] termText, String[] groupNames) {
        for (int group : none) {
            if ((hits.groupFields[group] & fieldBits) != 0) {
                return Optional.empty();
            }
        }
        boolean[] found = hits.found;
        for (int p = 0; p < positive.length; p++) {
            found[p] = (hits.groupFields[positive[p]] & fieldBits) != 0;
        }
        if (!holds(found) || (nearChars > 0 || nearWords > 0) && !holdsNearby(hits, termGroup)) {
            return Optional.empty();
        }
        double weight = 0;
        for (int p = 0; p < positive.length; p++) {
            weight += found[p] ? weights[p] : 0;
        }
        double score = Math.round(weight / totalWeight * 1000) / 1000.0;
        if (score < minScore) {
            return Optional.empty();
        }
        List<MatchedTerm> terms = new ArrayList<>();
        for (int i = 0; i < hits.size; i++) {
            int group = termGroup[hits.term[i]];
            if ((fieldBits & 1 << hits.field[i]) != 0 && Arrays.binarySearch(positive, group) >= 0) {
                terms.add(new MatchedTerm(termText[hits.term[i]], groupNames[group], Field.values()[hits.field[i]],
                        hits.start[i], hits.end[i]));
            }
        }
        return Optional.of(new RuleMatch(id, title, score, terms));
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
    private boolean holdsNearby(Hits hits, int[] termGroup) {
        int[] order = hits.order(hits.size);
        int count = 0;
        for (int i = 0; i < hits.size; i++) {
            if ((fieldBits & 1 << hits.field[i]) != 0 && Arrays.binarySearch(positive, termGroup[hits.term[i]]) >= 0) {
                order[count++] = i;
            }
        }
        // Hits arrive by field, then by end offset; windows are taken from each hit onwards.
        boolean[] found = hits.windowFound;
        for (int first = 0; first < count; first++) {
            Arrays.fill(found, 0, positive.length, false);
            int a = order[first];
            for (int next = first; next < count; next++) {
                int b = order[next];
                if (hits.field[b] != hits.field[a]) {
                    break;
                }
                if (hits.start[b] < hits.start[a]) {
                    continue;
                }
                boolean tooFar = nearChars > 0 ? hits.end[b] - hits.start[a] > nearChars
                        : hits.word[b] - hits.word[a] >= nearWords;
                if (tooFar) {
                    break;
                }
                found[Arrays.binarySearch(positive, termGroup[hits.term[b]])] = true;
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
