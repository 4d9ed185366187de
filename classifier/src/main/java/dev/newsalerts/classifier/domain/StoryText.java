package dev.newsalerts.classifier.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The fields of a {@code Story} (owned by feed-poller) that the classifier reads; the rest is passed on as is.
 * The {@code link} (canonical, possibly absent) only names the story in a back-test. The {@code content}
 * (the article text of a {@code fullText} feed's story, at most 20,000 characters as the poller sends it)
 * is optional: absent or null where the feed is not {@code fullText} or its page could not be read; only
 * the rules that name {@code content} look at it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StoryText(String storyId, String title, String summary, String link, String content) {

    public StoryText(String storyId, String title, String summary) {
        this(storyId, title, summary, null, null);
    }

    /** A story without content. */
    public StoryText(String storyId, String title, String summary, String link) {
        this(storyId, title, summary, link, null);
    }
}
