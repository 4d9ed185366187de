package dev.newsalerts.classifier.domain.cluster;

import java.util.SortedSet;

/** The {@code cluster} of an alert (schema version 2): the event the story reports, shared by every outlet's story of it. */
public record AlertCluster(String clusterId, String headStoryId, boolean head, double similarity, SortedSet<String> headRules,
        int outlets, String explanation) {
}
