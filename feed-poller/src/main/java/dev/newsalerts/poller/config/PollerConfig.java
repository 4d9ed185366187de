package dev.newsalerts.poller.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The feed-poller's settings, the keys under {@code poller.}. */
@ConfigMapping(prefix = "poller")
public interface PollerConfig {

    /** YAML file with the feeds to poll; the list bundled in the jar ({@code feeds.yaml}) when absent. */
    Optional<String> feedsFile();

    /** Bearer token that adding and removing feeds through the API needs; without one those calls answer 401. */
    Optional<String> apiToken();

    /** Time between two polls of each feed. */
    @WithDefault("5m")
    Duration interval();

    /** Feeds fetched at the same time, over all hosts. */
    @WithDefault("8")
    int maxConcurrentFetches();

    /** Feeds of one host fetched at the same time, so a host with many feeds is not hammered. */
    @WithDefault("2")
    int maxFetchesPerHost();

    /** Whether feeds are polled when due; off only where tests start every poll themselves. */
    @WithDefault("true")
    boolean schedulingEnabled();

    /** How long a failing feed waits before its next poll. */
    Backoff backoff();

    /** Story ids remembered per feed, so that an item is never published twice; more than any feed holds. */
    @WithDefault("2000")
    int seenIdsPerFeed();

    interface Backoff {

        /** Longest wait after failures: it doubles from the feed's interval with each failure in a row, up to this. */
        @WithDefault("6h")
        Duration max();

        /** Longest wait a server's Retry-After (on a 429 or 503) is granted; a longer one is cut to this. */
        @WithDefault("24h")
        Duration maxRetryAfter();
    }

    /** How feeds are fetched over HTTP. */
    Fetch fetch();

    /** Full text: how the article pages of {@code fullText} feeds are fetched and read. */
    FullText fullText();

    interface FullText {

        /** Largest article page accepted, counted after gzip or deflate decoding; a larger one is not read. */
        @WithDefault("2097152")
        long maxBytes();

        /** Time allowed for one article page, body included (the connect timeout is {@code poller.fetch.connect-timeout}). */
        @WithDefault("15s")
        Duration timeout();

        /** Longest article text kept as a story's {@code content}; a longer one is cut at a word, an ellipsis marking the cut. */
        @WithDefault("20000")
        int maxChars();

        /** Article pages of one feed fetched at the same time (each also counts against {@code poller.max-fetches-per-host}). */
        @WithDefault("3")
        int fetchesPerFeed();

        /**
         * Longest a poll waits for its article pages before it publishes its new stories; a story whose page is not read
         * by then goes out without {@code content}.
         */
        @WithDefault("30s")
        Duration pollDeadline();
    }

    /** WebSub: feeds that name a hub push their new items to this instance. */
    WebSub websub();

    interface WebSub {

        /**
         * The base URL at which hubs reach this instance (such as {@code https://poller-1.example.com}); callbacks are
         * {@code <base>/websub/<feed id>}. Each instance needs its own. Unset: WebSub is off and feeds are only polled.
         */
        Optional<String> callbackBaseUrl();

        /** The lease asked of hubs; a subscription is renewed once half of the lease granted has passed. */
        @WithDefault("1d")
        Duration lease();
    }

    /** How instances share the feeds: each feed is polled by exactly one instance of the group. */
    ScaleOut scaleOut();

    interface ScaleOut {

        /** The Kafka consumer group every instance of one poller deployment joins; its partitions decide who polls which feed. */
        @WithDefault("news-alerts-feed-poller")
        String groupId();

        /** How long an instance that stopped answering keeps its feeds before the others take them over. */
        @WithDefault("10s")
        Duration sessionTimeout();
    }

    interface Fetch {

        /** Time allowed to open a connection. */
        @WithDefault("10s")
        Duration connectTimeout();

        /** Time allowed for the whole response, body included. */
        @WithDefault("30s")
        Duration timeout();

        /** Largest body accepted, counted after gzip or deflate decoding. */
        @WithDefault("10485760")
        long maxBytes();

        /** The User-Agent header sent to feed servers. */
        @WithDefault("news-alerts-feed-poller/0.1 (RSS/Atom alerting)")
        String userAgent();

        /**
         * Networks (CIDR, such as {@code 127.0.0.0/8}) feeds may be fetched from although they are internal;
         * by default none: loopback, private, link-local, carrier-grade NAT, cloud metadata and unique-local
         * addresses are refused, for a feed's URL and for every redirect (SSRF guard).
         */
        Optional<List<String>> allowedNetworks();
    }
}
