package dev.newsalerts.classifier.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The fields of a {@code Story} (owned by feed-poller) that the classifier reads; the rest is passed on as is. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StoryText(String storyId, String title, String summary) {
}
