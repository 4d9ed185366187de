package dev.newsalerts.notifier.messaging;

/**
 * The names of this service's channels, shared by the code, {@code application.properties} and the
 * tests; the topics they are bound to are named in {@link dev.newsalerts.kafka.Topics}.
 */
public final class Channels {

    public static final String ALERTS = "alerts";
    public static final String SUBSCRIPTIONS = "subscriptions";
    public static final String DELIVERY_RETRIES = "delivery-retries";
    public static final String DELIVERIES_DLQ = "deliveries-dlq";
    public static final String DELIVERY_LOG = "delivery-log";
    public static final String FEEDBACK = "feedback";

    private Channels() {
    }
}
