package dev.newsalerts.notifier.messaging;

/** Channel and topic names, shared by the code, application.properties and the tests. */
public final class Topics {

    /** Alerts from classifier, keyed by story id. */
    public static final String ALERTS = "news.alerts";
    /** Alerts that could not be read or delivered, with the reason in the {@code dead-letter-reason} header. */
    public static final String ALERTS_DLQ = "news.alerts.dlq";
    /** Subscriptions made through the API, keyed by subscription id; compacted, a tombstone deletes. */
    public static final String SUBSCRIPTIONS = "news.subscriptions";

    public static final String ALERTS_CHANNEL = "alerts";
    public static final String SUBSCRIPTIONS_CHANNEL = "subscriptions";

    private Topics() {
    }
}
