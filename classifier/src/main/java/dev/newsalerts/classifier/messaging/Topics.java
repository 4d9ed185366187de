package dev.newsalerts.classifier.messaging;

/** Channel and topic names, shared by the code, application.properties and the tests. */
public final class Topics {

    /** Stories from feed-poller, keyed by story id. */
    public static final String STORIES = "news.stories";
    /** Stories that could not be classified, with the reason in the {@code dead-letter-reason} header. */
    public static final String STORIES_DLQ = "news.stories.dlq";
    /** One {@code Alert} per story that fired at least one rule, keyed by story id. */
    public static final String ALERTS = "news.alerts";

    public static final String STORIES_CHANNEL = "stories";
    public static final String ALERTS_CHANNEL = "alerts";

    private Topics() {
    }
}
