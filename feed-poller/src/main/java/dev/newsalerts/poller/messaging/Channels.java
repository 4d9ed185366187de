package dev.newsalerts.poller.messaging;

/**
 * The names of this service's channels, shared by the code, {@code application.properties} and the
 * tests; the topics they are bound to are named in {@link dev.newsalerts.kafka.Topics}.
 */
public final class Channels {

    public static final String STORIES = "stories";
    public static final String FEED_STATE = "feed-state";
    public static final String FEEDS = "feeds";

    private Channels() {
    }
}
