package dev.newsalerts.poller.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A news story as published on {@code news.stories}, keyed by {@link #storyId()}. The contract is
 * {@code schemas/story.schema.json}; bump {@link #SCHEMA_VERSION} on an incompatible change. {@code content}
 * is the main text of the article page, for the stories of a {@code fullText} feed whose page could be read.
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
        Instant fetchedAt,
        String content) {

    public static final int SCHEMA_VERSION = 1;

    /** A story without the article's text (every story of a feed that is not {@code fullText}). */
    public Story(int schemaVersion, String storyId, String feedUrl, String feedTitle, String link, String title,
            String summary, String language, List<String> authors, List<String> categories, Instant publishedAt,
            Instant fetchedAt) {
        this(schemaVersion, storyId, feedUrl, feedTitle, link, title, summary, language, authors, categories, publishedAt,
                fetchedAt, null);
    }

    /** This story with the main text of its article page (plain text); null for none. */
    public Story withContent(String articleText) {
        return new Story(schemaVersion, storyId, feedUrl, feedTitle, link, title, summary, language, authors, categories,
                publishedAt, fetchedAt, articleText);
    }
}
