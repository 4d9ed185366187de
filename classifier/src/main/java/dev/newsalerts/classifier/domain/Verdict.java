package dev.newsalerts.classifier.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a reader said of an alert: the story was worth alerting on, or not. */
public enum Verdict {
    RELEVANT("relevant"),
    NOT_RELEVANT("not-relevant");

    private final String name;

    Verdict(String name) {
        this.name = name;
    }

    @JsonValue
    public String text() {
        return name;
    }

    /** @throws IllegalArgumentException for anything but {@code relevant} and {@code not-relevant} */
    @JsonCreator
    public static Verdict of(String text) {
        for (Verdict verdict : values()) {
            if (verdict.name.equals(text)) {
                return verdict;
            }
        }
        throw new IllegalArgumentException("verdict must be \"relevant\" or \"not-relevant\"");
    }
}
