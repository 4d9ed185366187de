package dev.newsalerts.poller.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "poller")
public interface PollerConfig {

    /** YAML file with the feeds to poll; the list bundled in the jar ({@code feeds.yaml}) when absent. */
    Optional<String> feedsFile();

    /** Time between two polls of each feed. */
    @WithDefault("5m")
    Duration interval();

    /** Feeds fetched at the same time. */
    @WithDefault("8")
    int maxConcurrentFetches();

    /** Story ids remembered per feed, so that an item is never published twice; more than any feed holds. */
    @WithDefault("2000")
    int seenIdsPerFeed();

    /** How feeds are fetched over HTTP. */
    Fetch fetch();

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
    }
}
