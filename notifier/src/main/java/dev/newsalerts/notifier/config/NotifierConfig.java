package dev.newsalerts.notifier.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "notifier")
public interface NotifierConfig {

    /** Webhook URLs every alert is POSTed to, comma-separated. */
    Optional<List<String>> webhookUrls();

    /** Standard Webhooks signing secret ({@code whsec_} + base64); deliveries are unsigned without one. */
    Optional<String> webhookSecret();

    /** Email addresses every alert is sent to, comma-separated; the SMTP server is set with quarkus.mailer.*. */
    Optional<List<String>> emailTo();

    /** Alerts kept for {@code GET /alerts/recent}. */
    @WithDefault("200")
    int recentAlerts();

    /** How webhooks are called. */
    Webhook webhook();

    interface Webhook {

        /** Time allowed to open a connection to a receiver. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** Time allowed for a receiver's answer. */
        @WithDefault("10s")
        Duration timeout();

        /** Attempts per delivery before the alert goes to the dead-letter topic. */
        @WithDefault("3")
        int attempts();

        /** Wait before the second attempt; doubled for each further one. */
        @WithDefault("1s")
        Duration backoff();
    }
}
