package dev.newsalerts.classifier.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a rule, or one condition of it, looks. Places: {@code anywhere} (the rule's fields),
 * {@code title}, {@code summary}, {@code content} (the article text of a {@code fullText} feed's
 * story, looked at only where a rule names it), {@code lead} (the title and the first
 * {@link StoryUnits#LEAD_SENTENCES} sentences of the summary). Units, in which the conditions bound to them must hold together:
 * {@code sentence}, {@code paragraph}; {@code near} is the window of a rule's {@code near}, only
 * ever reported.
 */
public enum Scope {
    ANYWHERE, TITLE, SUMMARY, CONTENT, LEAD, SENTENCE, PARAGRAPH, NEAR;

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Scope fromJson(String value) {
        for (Scope scope : values()) {
            if (scope.jsonName().equals(value)) {
                return scope;
            }
        }
        throw new IllegalArgumentException("unknown scope '" + value + "' (use anywhere, title, summary, content, lead, sentence or paragraph)");
    }

    boolean isUnit() {
        return this == SENTENCE || this == PARAGRAPH;
    }
}
