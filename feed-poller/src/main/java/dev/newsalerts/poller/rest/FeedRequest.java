package dev.newsalerts.poller.rest;

import dev.newsalerts.poller.app.FeedCatalog;
import dev.newsalerts.poller.domain.FeedSource;
import dev.newsalerts.poller.domain.IntervalJson;

/**
 * The body of {@code POST /feeds}.
 *
 * @param url the RSS or Atom URL (http or https)
 * @param name a display name (optional)
 * @param language a language hint such as {@code en} or {@code zh-cn} (optional)
 * @param interval time between polls such as {@code 10m}, {@code 1h} or {@code PT10M} (optional; {@code poller.interval})
 * @param fullText true to fetch each new story's article page and send its main text as the story's {@code content}
 *        (optional; false)
 */
public record FeedRequest(String url, String name, String language, String interval, Boolean fullText) {

    FeedSource toFeed() {
        try {
            return new FeedSource(url, blankToNull(name), blankToNull(language),
                    interval == null || interval.isBlank() ? null : IntervalJson.parse(interval), Boolean.TRUE.equals(fullText));
        } catch (IllegalArgumentException e) {
            throw new FeedCatalog.Refused(FeedCatalog.Refused.Kind.INVALID, "interval " + e.getMessage());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
