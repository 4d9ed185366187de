package dev.newsalerts.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;
import java.util.Set;

/** How the topics a service uses are created when they do not exist yet. */
@ConfigMapping(prefix = "topics")
public interface TopicsConfig {

    /** Partitions of each topic; the upper bound of consumer instances that share its work. */
    @WithDefault("3")
    int partitions();

    /** Copies of each partition; 1 for a single local broker, 3 in production. */
    @WithDefault("1")
    short replicationFactor();

    /** Topics that keep only the latest record per key (cleanup.policy=compact). */
    Optional<Set<String>> compacted();

    /** Topics created with one partition whatever {@link #partitions()} says: one reader at a time, in order. */
    Optional<Set<String>> singlePartition();
}
