package dev.newsalerts.classifier.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The parts of a story a rule can look at: its title, its summary, and the article text a
 * {@code fullText} feed's story may carry ({@code content}, optional). A rule looks at the content
 * only where it names it ({@code fields: [..., content]}); by default it looks at title and summary.
 */
public enum Field {
    TITLE, SUMMARY, CONTENT;

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Field fromJson(String value) {
        for (Field field : values()) {
            if (field.jsonName().equals(value)) {
                return field;
            }
        }
        throw new IllegalArgumentException("unknown field '" + value + "' (use title, summary or content)");
    }
}
