package dev.newsalerts.classifier.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** A rule file as written in YAML; {@link RuleSet#compile} checks and compiles it. */
record RuleFile(Map<String, List<String>> groups, List<RuleSpec> rules) {

    /**
     * One rule: every group of {@code all}, one of {@code any}, {@code atLeast.count} of
     * {@code atLeast.of} (one or a list of them), none of {@code none}; only in {@code fields}
     * (title and summary by default; the lead; the content, seen only where named); together {@code within} one sentence or
     * paragraph, and with {@code near}, close together; a condition with its own {@code in} is
     * looked for there alone; a group of {@code mentions} counts only where it occurs that often;
     * the score (share of the positive groups' {@code weights} found, 1 each by default) at least
     * {@code minScore}.
     */
    record RuleSpec(String id, String title, Groups all, Groups any,
            @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<AtLeast> atLeast, List<String> none,
            Near near, Map<String, Double> weights, List<Scope> fields, Double minScore, Scope within,
            Map<String, Integer> mentions) {
    }

    /** Groups of {@code all} or {@code any}: a list of names, or {@code {of: [names], in: scope}}. */
    record Groups(List<String> of, Scope in) {

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        Groups(@JsonProperty("of") List<String> of, @JsonProperty("in") Scope in) {
            this.of = of;
            this.in = in;
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Groups ofNames(List<String> names) {
            return new Groups(names, null);
        }
    }

    record AtLeast(int count, List<String> of, Scope in) {
    }

    /** At most {@code chars} characters, or {@code words} words, from the first matched term to the last, in one field. */
    record Near(Integer chars, Integer words) {
    }
}
