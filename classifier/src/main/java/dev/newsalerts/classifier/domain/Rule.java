package dev.newsalerts.classifier.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A compiled rule: conditions over the term groups found in a story. */
record Rule(String id, String title, Set<String> all, Set<String> any, int atLeastCount, Set<String> atLeastOf,
        Set<String> none, Set<Field> fields, double minScore) {

    /** The groups whose matches count towards the score and are reported. */
    Set<String> positiveGroups() {
        Set<String> positive = new HashSet<>(all);
        positive.addAll(any);
        positive.addAll(atLeastOf);
        return positive;
    }

    /** The match, when the rule fires on a story whose found terms are {@code found}. */
    Optional<RuleMatch> evaluate(List<MatchedTerm> found) {
        Set<String> groups = new HashSet<>();
        for (MatchedTerm term : found) {
            if (fields.contains(term.field())) {
                groups.add(term.group());
            }
        }
        boolean fires = groups.containsAll(all)
                && (any.isEmpty() || any.stream().anyMatch(groups::contains))
                && atLeastOf.stream().filter(groups::contains).count() >= atLeastCount
                && none.stream().noneMatch(groups::contains);
        if (!fires) {
            return Optional.empty();
        }
        Set<String> positive = positiveGroups();
        double score = positive.stream().filter(groups::contains).count() / (double) positive.size();
        if (score < minScore) {
            return Optional.empty();
        }
        List<MatchedTerm> reasons = found.stream()
                .filter(term -> positive.contains(term.group()) && fields.contains(term.field()))
                .toList();
        return Optional.of(new RuleMatch(id, title, Math.round(score * 1000) / 1000.0, reasons));
    }
}
