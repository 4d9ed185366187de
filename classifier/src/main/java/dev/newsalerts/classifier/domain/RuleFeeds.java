package dev.newsalerts.classifier.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * For each pattern, where its occurrences count. A group named by at most {@link #MAX_DIRECT_RULES}
 * rules feeds each of them directly: a term of the pattern in that group is one feed per rule, so
 * a hit touches one record per rule and nothing per group. A group named by more rules is shared:
 * its terms feed the group, which keeps one chain of hits for all its rules and counts for them
 * only when it is first found in a field, so that a term in a group that thousands of rules share
 * costs one hit, not thousands.
 *
 * <p>A feed is FEED_INTS ints: the rule (or the shared group), the term, and a packed word: the
 * group's slot in the rule (its positive groups first, in ascending group order, then its
 * {@code none} groups), whether the slot is a {@code none} group, the fields the rule looks at, how
 * many positive groups the rule needs at least, and whether the feed is a shared group's.
 */
final class RuleFeeds {

    static final int FEED_INTS = 3;
    static final int MAX_DIRECT_RULES = 4;
    private static final int NONE_BIT = 1 << 6;
    private static final int SHARED_BIT = 1 << 7;
    private static final int FIELDS_SHIFT = 8;
    /** On a none group's feed: keep its hits too (fields are in bits 8 to 10). */
    private static final int KEEP_BIT = 1 << 14;
    private static final int NEEDED_SHIFT = 16;

    /** The feeds of pattern p are feeds[FEED_INTS * i ...] for i from start[p] up to start[p + 1]. */
    final int[] start;
    final int[] feeds;
    /** Per shared group g: the pairs (rule, packed word) at sharedRules[2 * i] for i from sharedStart[g] up to sharedStart[g + 1]. */
    final int[] sharedStart;
    final int[] sharedRules;
    /** Per group, whether it is shared. */
    final boolean[] shared;

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
                int keep = rule.keepsNoneHits() ? KEEP_BIT : 0;
                placesOfGroup.get(none[n]).add(new int[] {r, (positive.length + n) | NONE_BIT | keep | common});
            }
        }
        shared = new boolean[groupCount];
        sharedStart = new int[groupCount + 1];
        List<Integer> sharedFlat = new ArrayList<>();
        for (int g = 0; g < groupCount; g++) {
            shared[g] = placesOfGroup.get(g).size() > MAX_DIRECT_RULES;
            if (shared[g]) {
                for (int[] place : placesOfGroup.get(g)) {
                    sharedFlat.add(place[0]);
                    sharedFlat.add(place[1]);
                }
            }
            sharedStart[g + 1] = sharedFlat.size() / 2;
        }
        sharedRules = sharedFlat.stream().mapToInt(Integer::intValue).toArray();
        start = new int[patterns.count() + 1];
        List<Integer> flat = new ArrayList<>();
        for (int p = 0; p < patterns.count(); p++) {
            for (int e = patterns.termStart[p]; e < patterns.termStart[p + 1]; e++) {
                int term = patterns.terms[e];
                int group = terms.get(term).group();
                if (shared[group]) {
                    flat.add(group);
                    flat.add(term);
                    flat.add(SHARED_BIT);
                    continue;
                }
                for (int[] place : placesOfGroup.get(group)) {
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

    /** Whether a none group's hit is kept as a hit, not only as a found slot. */
    static boolean keepsHit(int packed) {
        return (packed & KEEP_BIT) != 0;
    }

    /** Whether the feed is a shared group's: its first int is then the group, not a rule. */
    static boolean isShared(int packed) {
        return (packed & SHARED_BIT) != 0;
    }

    /** Whether the rule looks at one of the fields of {@code fieldBits} (bits 1 << field ordinal). */
    static boolean looksAt(int packed, int fieldBits) {
        return (packed >>> FIELDS_SHIFT & fieldBits) != 0;
    }

    static int needed(int packed) {
        return packed >>> NEEDED_SHIFT;
    }
}
