package dev.newsalerts.notifier.config;

import dev.newsalerts.notifier.domain.Channel;
import dev.newsalerts.notifier.domain.WebhookFormat;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** The notifier's configuration, the {@code notifier.*} keys. */
@ConfigMapping(prefix = "notifier")
public interface NotifierConfig {

    /** Bearer token the subscriptions API requires; without one the API refuses every call. */
    Optional<String> apiToken();

    /** Subscriptions declared in configuration, by name: {@code notifier.subscriptions.<name>.target=…}. */
    Map<String, DeclaredSubscription> subscriptions();

    /**
     * The notifier's address as readers reach it, the start of the feedback links in emails and
     * webhooks; default {@code http://localhost:<quarkus.http.port>}.
     */
    @WithDefault("http://localhost:${quarkus.http.port:8083}")
    URI publicUrl();

    /** Reader feedback on alerts: the console's buttons and the signed links of deliveries. */
    Feedback feedback();

    interface Feedback {

        /**
         * Secret key (32 random bytes or more, as text) that signs the feedback links of emails and
         * webhooks; without one, deliveries carry no links. Never logged.
         */
        Optional<String> linkKey();
    }

    /** Encryption of the webhook secrets kept in news.subscriptions. */
    Secrets secrets();

    interface Secrets {

        /**
         * The key that encrypts webhook secrets before they go to news.subscriptions (AES-256-GCM),
         * {@code <key id>:<base64 of 32 random bytes>}; without one, webhook subscriptions cannot be
         * made or changed through the API (503). Never logged.
         */
        Optional<String> key();

        /**
         * Keys used before {@link #key}, comma-separated, each {@code <key id>:<base64 of 32 bytes>}:
         * they only decrypt; at start-up every secret under one of them is encrypted again under
         * the current key.
         */
        Optional<List<String>> previousKeys();
    }

    /** Alerts kept for {@code GET /alerts/recent}. */
    @WithDefault("200")
    int recentAlerts();

    /** How webhooks are called. */
    Webhook webhook();

    /** Retries, pacing and giving up, for webhooks and email alike. */
    Delivery delivery();

    /** The web console at {@code /console/}. */
    Console console();

    interface Console {

        /** Base URL of the feed-poller whose {@code GET /feeds} the console shows, through {@code GET /console/api/feeds}. */
        @WithDefault("http://localhost:8081")
        URI feedPollerUrl();

        /** Time allowed to connect to the feed-poller and for its whole answer. */
        @WithDefault("3s")
        Duration feedPollerTimeout();

        /** Largest answer taken from the feed-poller's {@code GET /feeds}; a larger one shows as an error. */
        @WithDefault("4M")
        MemorySize feedPollerMaxSize();

        /**
         * Base URL of the classifier whose {@code POST /rules/backtest} the console's "Try a rule" page
         * calls, through {@code POST /console/api/backtest}.
         */
        @WithDefault("http://localhost:8082")
        URI classifierUrl();

        /** Time allowed to connect to the classifier and for a back-test's whole answer (up to 50,000 stories). */
        @WithDefault("60s")
        Duration classifierTimeout();
    }

    interface Delivery {

        /**
         * Waits before the 2nd, 3rd, … attempt of a failed delivery, comma-separated; after the
         * last, the delivery goes to news.deliveries.dlq (attempts = steps + 1).
         */
        @WithDefault("5s,5m,30m,2h,5h,10h")
        List<Duration> retrySchedule();

        /** Each wait is stretched by a random share up to this (0.2: up to 20% longer). */
        @WithDefault("0.2")
        double jitter();

        /** Threads that make delivery attempts (each attempt blocks one while it waits for the receiver). */
        @WithDefault("64")
        int threads();

        /** Threads that send email, apart from the others: a slow mail server holds only these. */
        @WithDefault("8")
        int emailThreads();

        /** Alerts whose first delivery attempts run at once; the next alert waits for a free slot. */
        @WithDefault("256")
        int alertsInFlight();

        /** Parked deliveries whose next attempts run at once; reading the retry topics pauses beyond it. */
        @WithDefault("256")
        int retriesInFlight();

        /** Deliveries to one subscription in flight at once. */
        @WithDefault("4")
        int concurrencyPerSubscription();

        /** Most delivery attempts per second to one subscription. */
        @WithDefault("20")
        double ratePerSubscription();

        /** A subscription whose deliveries have all failed for this long is disabled, saying why (5 days, as Svix). */
        @WithDefault("5d")
        Duration disableAfter();

        /**
         * Deliveries last updated longer ago than this leave the delivery log: news.deliveries
         * deletes them (compact,delete) and each instance forgets them. Keep it well beyond the
         * retry schedule (about 18 h) and the longest digest (24 h).
         */
        @WithDefault("7d")
        Duration logRetention();
    }

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

        /** Email: gather alerts into one mail per window ({@code 15m}, {@code 1h}); each alert at once when unset. */
        Optional<String> digest();

        /** Whether alerts are delivered to it. */
        @WithDefault("true")
        boolean enabled();

        /** Which stories of one event it gets: {@code each}, {@code first} or {@code first+updates}. */
        @WithDefault("first")
        String clusters();

        /** {@code first+updates}: the outlets a cluster grows by before the one update. */
        @WithDefault("3")
        int updateAfter();

        /** An email address told when the notifier disables the subscription (a receiver answering 410, say); nobody when unset. */
        Optional<String> contact();
    }

    interface Webhook {

        /** Time allowed to open a connection to a receiver. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** Time allowed for a receiver's whole answer. */
        @WithDefault("10s")
        Duration timeout();

        /**
         * Networks (CIDR, comma-separated) webhooks may target although they are loopback or
         * private, e.g. {@code 127.0.0.0/8} for a receiver on this machine; none by default.
         */
        Optional<List<String>> allowedNetworks();

        /**
         * After {@code POST /subscriptions/{id}/secret}, how long deliveries are still signed with
         * the previous secret too, so receivers can switch without a gap.
         */
        @WithDefault("24h")
        Duration secretOverlap();
    }
}
