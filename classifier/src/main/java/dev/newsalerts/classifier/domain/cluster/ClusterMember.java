package dev.newsalerts.classifier.domain.cluster;

import java.time.Instant;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One alerted story in its cluster, as kept in the compacted {@code news.clusters} topic (key: story
 * id): the engine's {@link ClusterRecord} and what people are shown of the cluster: the outlet, the
 * title and link, the rules of the cluster's first story and how many outlets had reported the event
 * once this story joined. Kept whole, so that a story placed again (a replay) gets the same answer.
 */
public record ClusterMember(String storyId, String clusterId, String headStoryId, SortedSet<String> ruleIds,
        SortedSet<String> headRules, String fingerprint, Instant placedAt, double similarity, String explanation,
        String outlet, int outlets, String title, String link) {

    public ClusterMember {
        ruleIds = Collections.unmodifiableSortedSet(new TreeSet<>(ruleIds));
        headRules = Collections.unmodifiableSortedSet(new TreeSet<>(headRules));
    }

    static ClusterMember of(ClusterCandidate story, ClusterRecord record, SortedSet<String> headRules, int outlets) {
        return new ClusterMember(story.storyId(), record.clusterId(), record.headStoryId(), record.ruleIds(), headRules,
                record.fingerprint(), record.placedAt(), record.similarity(), record.explanation(), story.outlet(), outlets,
                story.title(), story.link());
    }

    public boolean head() {
        return storyId.equals(headStoryId);
    }

    public ClusterRecord record() {
        return new ClusterRecord(storyId, clusterId, headStoryId, ruleIds, fingerprint, placedAt, similarity, explanation);
    }

    /** What an alert says of its cluster ({@code cluster} in the alert schema, version 2). */
    public AlertCluster forAlert() {
        return new AlertCluster(clusterId, headStoryId, head(), similarity, headRules, outlets, explanation);
    }
}
