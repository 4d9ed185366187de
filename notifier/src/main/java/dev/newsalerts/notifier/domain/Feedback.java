package dev.newsalerts.notifier.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * What a reader said of one alert, as the notifier publishes it on news.feedback (key: alert id;
 * {@code src/main/resources/schemas/feedback.schema.json}). It carries what the rules read of the
 * story, so the classifier can score candidate rules on it after news.stories has dropped it.
 *
 * @param subscriptionId for a signed link: the subscription whose delivery carried it; null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Feedback(int schemaVersion, String alertId, String storyId, String rulesVersion, List<String> ruleIds,
        Verdict verdict, Via via, String subscriptionId, Instant judgedAt, StorySnapshot story) {

    public static final int SCHEMA_VERSION = 1;

    /** How the verdict came: a console button (API token) or a signed link from an email or webhook. */
    public enum Via {
        CONSOLE, LINK;

        @com.fasterxml.jackson.annotation.JsonValue
        public String text() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StorySnapshot(String title, String summary, String language, String link) {
    }

    /** The verdict on an alert, with every rule that fired in it and its story as the rules read it. */
    public static Feedback of(Alert alert, Verdict verdict, Via via, String subscriptionId, Instant judgedAt) {
        Alert.Story story = alert.story();
        return new Feedback(SCHEMA_VERSION, alert.alertId(), story.storyId(), alert.rulesVersion(),
                alert.matches().stream().map(Alert.Match::ruleId).distinct().toList(), verdict, via,
                via == Via.LINK ? subscriptionId : null, judgedAt,
                new StorySnapshot(story.title() == null ? "" : story.title(), story.summary(), story.language(), story.link()));
    }
}
