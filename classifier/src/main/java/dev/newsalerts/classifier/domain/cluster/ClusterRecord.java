package dev.newsalerts.classifier.domain.cluster;

import java.time.Instant;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One placed story as it is kept (in the compacted topic, key storyId): enough to rebuild a
 * {@link ClusterIndex} with {@link ClusterIndex#remember} and to give the same decision again when the
 * story is replayed. {@code fingerprint} is {@link StoryFingerprint#encode()}'s text.
 */
public record ClusterRecord(String storyId, String clusterId, String headStoryId, SortedSet<String> ruleIds,
        String fingerprint, Instant placedAt, double similarity, String explanation) {

    public ClusterRecord {
        ruleIds = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(ruleIds));
    }

    public static ClusterRecord of(String storyId, Set<String> ruleIds, StoryFingerprint fingerprint, Instant placedAt,
            ClusterDecision decision) {
        return new ClusterRecord(storyId, decision.clusterId(), decision.headStoryId(), new TreeSet<>(ruleIds),
                fingerprint.encode(), placedAt, decision.similarity(), decision.explanation());
    }

    public boolean head() {
        return storyId.equals(headStoryId);
    }

    public ClusterDecision decision() {
        return new ClusterDecision(clusterId, headStoryId, head(), similarity, explanation);
    }
}
