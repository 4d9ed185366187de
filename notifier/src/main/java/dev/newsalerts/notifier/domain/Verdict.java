package dev.newsalerts.notifier.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What a reader said of an alert: {@code relevant} or {@code not-relevant}, as news.feedback spells it. */
public enum Verdict {
    RELEVANT("relevant"),
    NOT_RELEVANT("not-relevant");

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    @JsonValue
    public String text() {
        return text;
    }

    /** @throws IllegalArgumentException naming the verdicts there are */
    @JsonCreator
    public static Verdict parse(String text) {
        return Arrays.stream(values()).filter(verdict -> verdict.text.equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("verdict must be " + Arrays.stream(values())
                        .map(verdict -> "\"" + verdict.text + "\"").collect(Collectors.joining(" or "))
                        + (text == null ? "" : ", not \"" + text + "\"")));
    }

    @Override
    public String toString() {
        return text;
    }
}
