package dev.newsalerts.poller.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.newsalerts.poller.app.PolledFeed;
import dev.newsalerts.poller.domain.FeedHealth;
import dev.newsalerts.poller.domain.IntervalJson;
import java.time.Duration;
import java.time.Instant;

/**
 * A feed and its health as {@code GET /feeds} shows it. Counts are since this instance started,
 * except {@code itemsSeen}: the distinct stories remembered for the feed in {@code news.feed-state}.
 * {@code movedTo}: where a feed of the feeds file moved permanently (301, 308); change it there.
 * {@code fullText}: whether each new story's article page is read into its {@code content}; {@code fullTextProblem}:
 * how many of the feed's last article pages could not be read and why the last one could not (null when all were).
 * {@code polledHere}: whether this instance polls the feed (each feed is polled by one instance of the
 * group; the health of a feed polled elsewhere is that instance's to show).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedView(
        String id,
        String url,
        String name,
        String language,
        @JsonSerialize(using = IntervalJson.Writer.class) Duration interval,
        boolean fullText,
        PolledFeed.Origin origin,
        Instant lastPolledAt,
        Instant lastSuccessAt,
        Instant lastErrorAt,
        String lastError,
        String fullTextProblem,
        int consecutiveFailures,
        int itemsSeen,
        long storiesPublished,
        long polls,
        Double notModifiedShare,
        Instant nextPollAt,
        String movedTo,
        boolean polledHere) {

    static FeedView of(PolledFeed feed, int itemsSeen, boolean polledHere) {
        FeedHealth health = feed.health();
        return new FeedView(feed.source().id(), feed.source().url(), feed.source().name(), feed.source().language(),
                feed.interval(), feed.source().fullText(), feed.origin(), health.lastPolledAt(), health.lastSuccessAt(),
                health.lastErrorAt(), health.lastError(), feed.fullText().problem(), health.consecutiveFailures(), itemsSeen, health.storiesPublished(), health.polls(),
                health.notModifiedShare(), feed.nextPollAt(), feed.movedTo(), polledHere);
    }
}
