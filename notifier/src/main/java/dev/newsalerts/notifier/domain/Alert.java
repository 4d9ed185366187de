package dev.newsalerts.notifier.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * What the notifier reads of an {@code Alert} (owned by classifier,
 * {@code classifier/src/main/resources/schemas/alert.schema.json}); unknown fields are ignored and
 * webhooks receive the alert exactly as published.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Alert(String alertId, Story story, List<Match> matches, String rulesVersion, Instant classifiedAt) {

    /** The same alert reporting only some of its matches (those a subscription wants). */
    public Alert withMatches(List<Match> wanted) {
        return new Alert(alertId, story, wanted, rulesVersion, classifiedAt);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Story(String storyId, String feedUrl, String feedTitle, String link, String title, String summary,
            String language, Instant publishedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Match(String ruleId, String ruleTitle, double score, List<Term> terms) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Term(String term, String field, int start, int end) {
    }
}
