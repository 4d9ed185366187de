package dev.newsalerts.notifier.messaging;

/** Channel and topic names, shared by the code, application.properties and the tests. */
public final class Topics {

    /** Alerts from classifier, keyed by story id. */
    public static final String ALERTS = "news.alerts";
    /** Alerts that could not be read or delivered, with the reason in the {@code dead-letter-reason} header. */
    public static final String ALERTS_DLQ = "news.alerts.dlq";
    /** Subscriptions made through the API, keyed by subscription id; compacted, a tombstone deletes. */
    public static final String SUBSCRIPTIONS = "news.subscriptions";

    /**
     * Deliveries waiting for their next attempt, keyed by subscription id: the prefix of one topic
     * per length of wait ({@link RetryTiers}).
     */
    public static final String DELIVERY_RETRIES = "news.deliveries.retry";
    /** Deliveries that failed every attempt, or whose subscription was disabled; replayable through the API. */
    public static final String DELIVERIES_DLQ = "news.deliveries.dlq";
    /** The latest state of each delivery (the delivery log), keyed by delivery id; compacted. */
    public static final String DELIVERIES = "news.deliveries";

    public static final String ALERTS_CHANNEL = "alerts";
    public static final String SUBSCRIPTIONS_CHANNEL = "subscriptions";
    public static final String DELIVERY_RETRIES_CHANNEL = "delivery-retries";
    public static final String DELIVERIES_DLQ_CHANNEL = "deliveries-dlq";
    public static final String DELIVERY_LOG_CHANNEL = "delivery-log";

    private Topics() {
    }
}
