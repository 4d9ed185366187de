package dev.newsalerts.notifier.messaging;

/**
 * The names of this service's channels, shared by the code, {@code application.properties} and the
 * tests; the topics they are bound to are named in {@link dev.newsalerts.kafka.Topics}.
 */
public final class Channels {

    /** news.alerts for webhook deliveries (consumer group {@code notifier}). */
    public static final String ALERTS = "alerts";
    /** news.alerts again, for email deliveries (consumer group {@code notifier-email}). */
    public static final String EMAIL_ALERTS = "email-alerts";
    public static final String SUBSCRIPTIONS = "subscriptions";
    public static final String DELIVERY_RETRIES = "delivery-retries";
    public static final String DELIVERIES_DLQ = "deliveries-dlq";
    public static final String DELIVERY_LOG = "delivery-log";
    public static final String FEEDBACK = "feedback";

    private Channels() {
    }
}
