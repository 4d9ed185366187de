package dev.newsalerts.classifier.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct things a rule set's automaton looks for: terms with the same folded text and the
 * same boundary rules (rule files reuse an alias in many groups) are one pattern, whose
 * occurrences are verified once and then reported for each of its terms.
 */
final class TermPatterns {

    /** Per pattern: its folded text, and whether the chars before and after it must not be word chars. */
    final List<String> texts = new ArrayList<>();
    final int[] length;
    final boolean[] startBoundary;
    final boolean[] endBoundary;
    /** The terms of pattern p, in ascending order: terms[i] for i from termStart[p] up to termStart[p + 1]. */
    final int[] termStart;
    final int[] terms;

    TermPatterns(List<Term> allTerms) {
        // the start boundary depends on the folded text alone
        Map<String, List<Integer>> termsByKey = new LinkedHashMap<>();
        for (int t = 0; t < allTerms.size(); t++) {
            Term term = allTerms.get(t);
            String key = (term.needsEndBoundary() ? "|" : "*") + term.folded();
            termsByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
        }
        int count = termsByKey.size();
        length = new int[count];
        startBoundary = new boolean[count];
        endBoundary = new boolean[count];
        termStart = new int[count + 1];
        terms = new int[allTerms.size()];
        int p = 0;
        int entry = 0;
        for (List<Integer> same : termsByKey.values()) {
            Term term = allTerms.get(same.get(0));
            texts.add(term.folded());
            length[p] = term.folded().length();
            startBoundary[p] = term.needsStartBoundary();
            endBoundary[p] = term.needsEndBoundary();
            for (int t : same) {
                terms[entry++] = t;
            }
            termStart[++p] = entry;
        }
    }

    int count() {
        return length.length;
    }
}
