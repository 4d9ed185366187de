package dev.newsalerts.poller.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the poller remembers of a feed between polls and across restarts, kept in the compacted
 * {@code news.feed-state} topic keyed by feed URL.
 *
 * @param seenStoryIds ids already published from this feed, newest first, bounded
 * @param revision counts the saves of this state (0 for states saved before it was counted), so that
 *        an instance following the topic never replaces a state by an older one
 */
public record FeedState(String feedUrl, String etag, String lastModified, List<String> seenStoryIds, long revision) {

    public FeedState(String feedUrl, String etag, String lastModified, List<String> seenStoryIds) {
        this(feedUrl, etag, lastModified, seenStoryIds, 0);
    }

    public static FeedState empty(String feedUrl) {
        return new FeedState(feedUrl, null, null, List.of(), 0);
    }

    /** This state after a poll that saw {@code storyIds} (newest first), keeping at most {@code limit} ids. */
    public FeedState afterPoll(String newEtag, String newLastModified, List<String> storyIds, int limit) {
        Set<String> merged = new LinkedHashSet<>(storyIds);
        merged.addAll(seenStoryIds);
        return new FeedState(feedUrl, newEtag, newLastModified, merged.stream().limit(limit).toList(), revision + 1);
    }

    /** This state under the URL the feed moved to. */
    public FeedState movedTo(String url) {
        return new FeedState(url, null, null, seenStoryIds, revision + 1);
    }
}
