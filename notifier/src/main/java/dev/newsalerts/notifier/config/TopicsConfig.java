package dev.newsalerts.notifier.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the topics this service writes are created when they do not exist yet. */
@ConfigMapping(prefix = "topics")
public interface TopicsConfig {

    /** Partitions of each topic; the upper bound of consumer instances that share its work. */
    @WithDefault("3")
    int partitions();

    /** Copies of each partition; 1 for a single local broker, 3 in production. */
    @WithDefault("1")
    short replicationFactor();
}
