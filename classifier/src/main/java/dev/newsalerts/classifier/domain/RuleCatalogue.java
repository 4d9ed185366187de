package dev.newsalerts.classifier.domain;

import java.time.Instant;
import java.util.List;

/**
 * The rules in force, as the classifier publishes them for the other services (the compacted
 * {@code news.rules}, one record): which rule ids a subscription can name.
 */
public record RuleCatalogue(String rulesVersion, Instant loadedAt, List<Entry> rules) {

    /** One rule: its id, title and the groups it names. */
    public record Entry(String id, String title, List<String> groups) {
    }
}
