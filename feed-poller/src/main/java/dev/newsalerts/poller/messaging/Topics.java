package dev.newsalerts.poller.messaging;

/** Channel and topic names, shared by the code, application.properties and the tests. */
public final class Topics {

    /** One {@code Story} per new item, keyed by story id. */
    public static final String STORIES = "news.stories";
    /** Compacted: the latest {@code FeedState} of each feed, keyed by feed URL. */
    public static final String FEED_STATE = "news.feed-state";

    /** Compacted: each feed added through the API, keyed by feed URL; a tombstone removes it. */
    public static final String FEEDS = "news.feeds";

    /** Outgoing channel names (see application.properties). */
    public static final String STORIES_CHANNEL = "stories";
    public static final String FEED_STATE_CHANNEL = "feed-state";
    public static final String FEEDS_CHANNEL = "feeds";

    private Topics() {
    }
}
