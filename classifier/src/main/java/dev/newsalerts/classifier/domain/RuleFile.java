package dev.newsalerts.classifier.domain;

import java.util.List;
import java.util.Map;

/** A rule file as written in YAML; {@link RuleSet#compile} checks and compiles it. */
record RuleFile(Map<String, List<String>> groups, List<RuleSpec> rules) {

    /**
     * One rule: every group of {@code all}, one of {@code any}, {@code atLeast.count} of
     * {@code atLeast.of}, none of {@code none}; only in {@code fields} (title and summary by
     * default); and a score of at least {@code minScore}.
     */
    record RuleSpec(String id, String title, List<String> all, List<String> any, AtLeast atLeast, List<String> none,
            List<Field> fields, Double minScore) {
    }

    record AtLeast(int count, List<String> of) {
    }
}
