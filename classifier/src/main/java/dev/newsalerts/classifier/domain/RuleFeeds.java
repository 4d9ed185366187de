package dev.newsalerts.classifier.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * For each pattern, every place of a rule it counts for: a term of the pattern, in a group the
 * rule names. Classifying a story then goes from a pattern's occurrence straight to the rules,
 * touching one record per rule, with no per-group step in between.
 *
 * <p>A feed is FEED_INTS ints: the rule, the term, and a packed word: the group's slot in the
 * rule (its positive groups first, in ascending group order, then its {@code none} groups),
 * whether the slot is a {@code none} group, the fields the rule looks at, and how many positive
 * groups the rule needs at least.
 */
final class RuleFeeds {

    static final int FEED_INTS = 3;
    private static final int NONE_BIT = 1 << 6;
    private static final int FIELDS_SHIFT = 8;
    private static final int NEEDED_SHIFT = 16;

    /** The feeds of pattern p are feeds[FEED_INTS * i ...] for i from start[p] up to start[p + 1]. */
    final int[] start;
    final int[] feeds;

    RuleFeeds(TermPatterns patterns, List<Term> terms, Rule[] rules, int groupCount) {
        List<List<int[]>> placesOfGroup = new ArrayList<>();
        for (int g = 0; g < groupCount; g++) {
            placesOfGroup.add(new ArrayList<>());
        }
        for (int r = 0; r < rules.length; r++) {
            Rule rule = rules[r];
            int[] positive = rule.positiveGroups();
            int[] none = rule.noneGroups();
            int common = rule.fieldBits() << FIELDS_SHIFT | rule.minimumGroups() << NEEDED_SHIFT;
            for (int slot = 0; slot < positive.length; slot++) {
                placesOfGroup.get(positive[slot]).add(new int[] {r, slot | common});
            }
            for (int n = 0; n < none.length; n++) {
                placesOfGroup.get(none[n]).add(new int[] {r, (positive.length + n) | NONE_BIT | common});
            }
        }
        start = new int[patterns.count() + 1];
        List<Integer> flat = new ArrayList<>();
        for (int p = 0; p < patterns.count(); p++) {
            for (int e = patterns.termStart[p]; e < patterns.termStart[p + 1]; e++) {
                int term = patterns.terms[e];
                for (int[] place : placesOfGroup.get(terms.get(term).group())) {
                    flat.add(place[0]);
                    flat.add(term);
                    flat.add(place[1]);
                }
            }
            start[p + 1] = flat.size() / FEED_INTS;
        }
        feeds = flat.stream().mapToInt(Integer::intValue).toArray();
    }

    static int slot(int packed) {
        return packed & (NONE_BIT - 1);
    }

    static boolean isNone(int packed) {
        return (packed & NONE_BIT) != 0;
    }

    /** Whether the rule looks at the field of bit {@code fieldBit} (1 << field ordinal). */
    static boolean looksAt(int packed, int fieldBit) {
        return (packed >>> FIELDS_SHIFT & fieldBit) != 0;
    }

    static int needed(int packed) {
        return packed >>> NEEDED_SHIFT;
    }
}
