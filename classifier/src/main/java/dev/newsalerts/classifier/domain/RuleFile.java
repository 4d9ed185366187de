package dev.newsalerts.classifier.domain;

import java.util.List;
import java.util.Map;

/** A rule file as written in YAML; {@link RuleSet#compile} checks and compiles it. */
record RuleFile(Map<String, List<String>> groups, List<RuleSpec> rules) {

    /**
     * One rule: every group of {@code all}, one of {@code any}, {@code atLeast.count} of
     * {@code atLeast.of}, none of {@code none}; only in {@code fields} (title and summary by
     * default); with {@code near}, the positive groups must be found close together; the score
     * (share of the positive groups' {@code weights} found, 1 each by default) at least {@code minScore}.
     */
    record RuleSpec(String id, String title, List<String> all, List<String> any, AtLeast atLeast, List<String> none,
            Near near, Map<String, Double> weights, List<Field> fields, Double minScore) {
    }

    record AtLeast(int count, List<String> of) {
    }

    /** At most {@code chars} characters, or {@code words} words, from the first matched term to the last, in one field. */
    record Near(Integer chars, Integer words) {
    }
}
