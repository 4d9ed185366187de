package dev.newsalerts.classifier.domain;

/**
 * A term found in a story.
 *
 * @param term the term as written in the rule file
 * @param group the term group it belongs to
 * @param field {@code title}, {@code summary} or {@code content}
 * @param start offset of the first character in the field's text
 * @param end offset after the last character
 */
public record MatchedTerm(String term, String group, Field field, int start, int end) {
}
