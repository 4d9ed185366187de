package dev.newsalerts.classifier.messaging;

/**
 * The names of this service's channels, shared by the code, {@code application.properties} and the
 * tests; the topics they are bound to are named in {@link dev.newsalerts.kafka.Topics}.
 */
public final class Channels {

    public static final String STORIES = "stories";
    public static final String ALERTS = "alerts";
    /** Alerts before clustering, to {@code news.matches}. */
    public static final String MATCHES_OUT = "matches-out";
    /** The same, read back one at a time to be clustered. */
    public static final String MATCHES = "matches";
    /** Each alerted story's place in its cluster, to {@code news.clusters}. */
    public static final String CLUSTERS = "clusters";
    /** The rule catalogue, to {@code news.rules}. */
    public static final String RULES = "rule-catalogue";

    private Channels() {
    }
}
