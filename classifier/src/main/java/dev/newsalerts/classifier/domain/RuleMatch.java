package dev.newsalerts.classifier.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A rule that fired, and why.
 *
 * @param score share of the rule's positive groups (all, any, at-least) that matched, 0 to 1
 * @param terms every term of the rule's wanted groups found in the fields it looks at
 * @param within where the conditions held together, for a rule with {@code within} or {@code near}; else null
 */
public record RuleMatch(String ruleId, String ruleTitle, double score, List<MatchedTerm> terms,
        @JsonInclude(JsonInclude.Include.NON_NULL) Passage within) {

    /** A match of a rule without {@code within} or {@code near}. */
    public RuleMatch(String ruleId, String ruleTitle, double score, List<MatchedTerm> terms) {
        this(ruleId, ruleTitle, score, terms, null);
    }
}
