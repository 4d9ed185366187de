package dev.newsalerts.classifier.domain;

import java.util.List;

/**
 * A rule that fired, and why.
 *
 * @param score share of the rule's positive groups (all, any, at-least) that matched, 0 to 1
 */
public record RuleMatch(String ruleId, String ruleTitle, double score, List<MatchedTerm> terms) {
}
