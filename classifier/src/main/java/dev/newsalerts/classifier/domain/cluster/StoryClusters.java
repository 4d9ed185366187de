package dev.newsalerts.classifier.domain.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The clusters of the stories alerted within the window: places each alerted story ({@link ClusterIndex})
 * and keeps its {@link ClusterMember}, with the outlets of each cluster. Thread-safe; one instance at a
 * time places stories (the one reading {@code news.matches}), while every instance remembers what is
 * placed anywhere.
 */
public final class StoryClusters {

    private final ClusterIndex index;
    private final Map<String, ClusterMember> members = new HashMap<>();
    private final Map<String, List<ClusterMember>> byCluster = new HashMap<>();

    public StoryClusters(Duration window) {
        this.index = new ClusterIndex(window);
    }

    /** The story's place: the one it was given before, or a new one, joining an event or starting one. */
    public synchronized ClusterMember place(ClusterCandidate story, Instant at) {
        ClusterMember before = members.get(story.storyId());
        if (before != null) {
            return before;
        }
        StoryFingerprint fingerprint = StoryFingerprint.of(story.title(), story.lead());
        ClusterDecision decision = index.place(story.storyId(), story.ruleIds(), fingerprint, at);
        ClusterRecord record = ClusterRecord.of(story.storyId(), story.ruleIds(), fingerprint, at, decision);
        List<ClusterMember> cluster = byCluster.getOrDefault(decision.clusterId(), List.of());
        Set<String> outlets = new HashSet<>();
        cluster.forEach(member -> outlets.add(member.outlet()));
        outlets.add(story.outlet());
        ClusterMember head = decision.head() ? null : members.get(decision.headStoryId());
        ClusterMember member = ClusterMember.of(story, record, head == null ? record.ruleIds() : head.ruleIds(), outlets.size());
        keep(member);
        return member;
    }

    /** Takes in a member placed earlier, here or by another instance (read back from where members are kept). */
    public synchronized void remember(ClusterMember member) {
        if (members.containsKey(member.storyId())) {
            return;
        }
        index.remember(member.record());
        keep(member);
    }

    /** The stories of a cluster, first first; empty when there is no such cluster within the window. */
    public synchronized List<ClusterMember> cluster(String clusterId) {
        return byCluster.getOrDefault(clusterId, List.of()).stream().sorted(Comparator.comparing(ClusterMember::placedAt)).toList();
    }

    public synchronized Optional<ClusterMember> member(String storyId) {
        return Optional.ofNullable(members.get(storyId));
    }

    /** Forgets the members placed before the window (the index forgets them as time moves on). */
    public synchronized void forgetBefore(Instant oldest) {
        members.values().removeIf(member -> member.placedAt().isBefore(oldest));
        byCluster.values().forEach(cluster -> cluster.removeIf(member -> member.placedAt().isBefore(oldest)));
        byCluster.values().removeIf(List::isEmpty);
    }

    public Duration window() {
        return index.window();
    }

    private void keep(ClusterMember member) {
        members.put(member.storyId(), member);
        byCluster.computeIfAbsent(member.clusterId(), id -> new ArrayList<>()).add(member);
    }
}
