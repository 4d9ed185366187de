package dev.newsalerts.classifier.domain;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A {@code Story} event (owned by feed-poller) as the classifier takes it from {@code news.stories}:
 * the fields it reads, and the event exactly as received, which an alert carries on unchanged.
 */
public record Story(StoryText text, JsonNode received) {
}
