package dev.newsalerts.poller.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A news story as published on {@code news.stories}, keyed by {@link #storyId()}. The contract is
 * {@code schemas/story.schema.json}; bump {@link #SCHEMA_VERSION} on an incompatible change.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Story(
        int schemaVersion,
        String storyId,
        String feedUrl,
        String feedTitle,
        String link,
        String title,
        String summary,
        String language,
        List<String> authors,
        List<String> categories,
        Instant publishedAt,
        Instant fetchedAt) {

    public static final int SCHEMA_VERSION = 1;
}
