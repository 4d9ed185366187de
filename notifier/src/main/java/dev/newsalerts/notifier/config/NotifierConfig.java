package dev.newsalerts.notifier.config;

import dev.newsalerts.notifier.domain.Channel;
import dev.newsalerts.notifier.domain.WebhookFormat;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

@ConfigMapping(prefix = "notifier")
public interface NotifierConfig {

    /** Bearer token the subscriptions API requires; without one the API refuses every call. */
    Optional<String> apiToken();

    /** Subscriptions declared in configuration, by name: {@code notifier.subscriptions.<name>.target=…}. */
    Map<String, DeclaredSubscription> subscriptions();

    /** Alerts kept for {@code GET /alerts/recent}. */
    @WithDefault("200")
    int recentAlerts();

    /** How webhooks are called. */
    Webhook webhook();

    interface DeclaredSubscription {

        /** {@code webhook} or {@code email}. */
        @WithDefault("webhook")
        Channel channel();

        /** The webhook URL or the email address. */
        String target();

        /** Rule ids wanted, comma-separated; all rules when unset. */
        Optional<List<String>> rules();

        /** Lowest match score wanted (0 to 1); any when unset. */
        OptionalDouble minScore();

        /** Story language wanted ({@code en}, {@code zh}); any when unset. */
        Optional<String> language();

        /** Webhooks: {@code standard}, {@code slack}, {@code discord} or {@code teams}. */
        @WithDefault("standard")
        WebhookFormat format();

        /** Webhooks: the {@code whsec_…} signing secret; deliveries are unsigned without one. */
        Optional<String> secret();

        /** Whether alerts are delivered to it. */
        @WithDefault("true")
        boolean enabled();
    }

    interface Webhook {

        /** Time allowed to open a connection to a receiver. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** Time allowed for a receiver's whole answer. */
        @WithDefault("10s")
        Duration timeout();

        /** Attempts per delivery before the alert goes to the dead-letter topic. */
        @WithDefault("3")
        int attempts();

        /** Wait before the second attempt; doubled for each further one. */
        @WithDefault("1s")
        Duration backoff();

        /**
         * Networks (CIDR, comma-separated) webhooks may target although they are loopback or
         * private, e.g. {@code 127.0.0.0/8} for a receiver on this machine; none by default.
         */
        Optional<List<String>> allowedNetworks();
    }
}
