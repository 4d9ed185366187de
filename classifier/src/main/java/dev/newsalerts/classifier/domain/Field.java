package dev.newsalerts.classifier.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The parts of a story a rule can look at. */
public enum Field {
    TITLE, SUMMARY;

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
        throw new IllegalArgumentException("unknown field '" + value + "' (use title or summary)");
    }
}
