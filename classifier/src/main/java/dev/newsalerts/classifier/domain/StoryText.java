package dev.newsalerts.classifier.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The fields of a {@code Story} (owned by feed-poller) that the classifier reads; the rest is passed on as is.
 * The {@code link} (canonical, possibly absent) only names the story in a back-test.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StoryText(String storyId, String title, String summary, String link) {

    public StoryText(String storyId, String title, String summary) {
        this(storyId, title, summary, null);
    }
}
