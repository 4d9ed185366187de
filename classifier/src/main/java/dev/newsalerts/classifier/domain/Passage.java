package dev.newsalerts.classifier.domain;

/**
 * The part of a story in which a rule's conditions held together: the sentence or paragraph (a
 * rule's {@code within}), or the {@code near} window from the first of its terms to the last.
 *
 * @param scope {@code sentence}, {@code paragraph} or {@code near}
 * @param field the field it lies in
 * @param start offset of its first character in the field's text
 * @param end offset after its last character
 */
public record Passage(Scope scope, Field field, int start, int end) {
}
