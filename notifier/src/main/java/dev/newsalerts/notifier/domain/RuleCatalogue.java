package dev.newsalerts.notifier.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * The classifier's rules in force as it publishes them on {@code news.rules} (owned by classifier,
 * {@code RuleCatalogue} there): which rule ids a subscription can name.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RuleCatalogue(String rulesVersion, Instant loadedAt, List<Entry> rules) {

    public RuleCatalogue {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(String id, String title, List<String> groups) {
    }

    public List<String> ids() {
        return rules.stream().map(Entry::id).toList();
    }

    /** Those of the given rule ids that are not rules in force. */
    public List<String> unknown(List<String> ruleIds) {
        List<String> known = ids();
        return ruleIds.stream().filter(id -> !known.contains(id)).distinct().toList();
    }
}
