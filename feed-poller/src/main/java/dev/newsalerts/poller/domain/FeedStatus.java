package dev.newsalerts.poller.domain;

import java.time.Instant;

/** How a feed has been doing, as shown by {@code GET /feeds}. */
public record FeedStatus(
        String url,
        String name,
        Instant lastPolledAt,
        Instant lastSuccessAt,
        String lastError,
        int consecutiveFailures,
        long storiesPublished) {

    static FeedStatus neverPolled(FeedSource feed) {
        return new FeedStatus(feed.url(), feed.name(), null, null, null, 0, 0);
    }

    FeedStatus succeeded(Instant at, int published) {
        return new FeedStatus(url, name, at, at, null, 0, storiesPublished + published);
    }

    FeedStatus failed(Instant at, String error) {
        return new FeedStatus(url, name, at, lastSuccessAt, error, consecutiveFailures + 1, storiesPublished);
    }
}
