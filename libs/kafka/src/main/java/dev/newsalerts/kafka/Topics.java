package dev.newsalerts.kafka;

/**
 * Every topic of the system, named once for the three services and their tests. Each service's
 * {@code application.properties} binds its channels to these names.
 */
public final class Topics {

    /** One {@code Story} per new item, from feed-poller, keyed by story id. */
    public static final String STORIES = "news.stories";
    /** Stories the classifier could not read, with the reason in the {@code dead-letter-reason} header. */
    public static final String STORIES_DLQ = "news.stories.dlq";
    /** Compacted: the latest {@code FeedState} of each feed, keyed by feed URL. */
    public static final String FEED_STATE = "news.feed-state";
    /** Compacted: each feed added through the API, keyed by feed URL; a tombstone removes it. */
    public static final String FEEDS = "news.feeds";

    /**
     * The classifier's alerts before clustering, keyed by story id: one partition, so that one
     * instance at a time decides which event each story reports, in the order the alerts came.
     */
    public static final String MATCHES = "news.matches";
    /** Matches the classifier could not read back, with the reason in the {@code dead-letter-reason} header. */
    public static final String MATCHES_DLQ = "news.matches.dlq";
    /**
     * Compacted: the cluster each alerted story joined or started, keyed by story id, for the
     * clustering window; every classifier instance follows it.
     */
    public static final String CLUSTERS = "news.clusters";

    /**
     * Compacted: the classifier's rule catalogue (the rules in force: ids, titles, groups, rules
     * version), one record under the key {@code catalogue}; the notifier checks subscriptions against it.
     */
    public static final String RULES = "news.rules";
    /** The key of the one record of {@link #RULES}: the latest catalogue is the one kept. */
    public static final String RULE_CATALOGUE_KEY = "catalogue";

    /** One {@code Alert} per story that fired at least one rule, from classifier, keyed by story id. */
    public static final String ALERTS = "news.alerts";
    /** Alerts the notifier could not read or deliver, with the reason in the {@code dead-letter-reason} header. */
    public static final String ALERTS_DLQ = "news.alerts.dlq";

    /** Compacted: subscriptions made through the API, keyed by subscription id; a tombstone deletes. */
    public static final String SUBSCRIPTIONS = "news.subscriptions";
    /**
     * Deliveries waiting for their next attempt, keyed by subscription id: the prefix of one topic
     * per length of wait (the notifier's {@code RetryTiers}).
     */
    public static final String DELIVERY_RETRIES = "news.deliveries.retry";
    /** Deliveries that failed every attempt, or whose subscription was disabled; replayable through the API. */
    public static final String DELIVERIES_DLQ = "news.deliveries.dlq";
    /** Compacted: the latest state of each delivery (the delivery log), keyed by delivery id. */
    public static final String DELIVERIES = "news.deliveries";

    /**
     * Compacted: what a reader said of an alert ("relevant" or "not-relevant"), from the notifier,
     * keyed by alert id (one story under one rules version); the classifier scores rules with it.
     */
    public static final String FEEDBACK = "news.feedback";

    private Topics() {
    }
}
