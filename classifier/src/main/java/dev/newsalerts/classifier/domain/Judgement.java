package dev.newsalerts.classifier.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * What a reader said of one alert, as the notifier publishes it on {@code news.feedback} (key: alert
 * id; contract: the notifier's {@code feedback.schema.json}). The verdict applies to every rule that
 * fired in the judged alert ({@code ruleIds}). Fields the classifier does not read are ignored.
 *
 * @param rulesVersion the rules version that raised the alert
 * @param story what the rules read of the story, so that any rule file can be scored on it later
 * @throws IllegalArgumentException when a field the scoring needs is missing
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Judgement(String alertId, String storyId, String rulesVersion, List<String> ruleIds, Verdict verdict,
        String via, Instant judgedAt, JudgedStory story) {

    /** The story as the judged alert carried it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record JudgedStory(String title, String summary, String language, String link) {
    }

    public Judgement {
        require(alertId != null && !alertId.isBlank(), "alertId");
        require(rulesVersion != null, "rulesVersion");
        require(ruleIds != null && !ruleIds.isEmpty(), "ruleIds");
        require(verdict != null, "verdict");
        require(judgedAt != null, "judgedAt");
        require(story != null && story.title() != null, "story.title");
        ruleIds = List.copyOf(ruleIds);
    }

    public boolean relevant() {
        return verdict == Verdict.RELEVANT;
    }

    private static void require(boolean present, String field) {
        if (!present) {
            throw new IllegalArgumentException("a judgement needs " + field);
        }
    }
}
