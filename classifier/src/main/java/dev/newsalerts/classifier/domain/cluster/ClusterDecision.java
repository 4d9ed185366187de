package dev.newsalerts.classifier.domain.cluster;

/**
 * Where a story was placed: the cluster (its id is the head's story id), its head, whether the story is
 * the head itself, its similarity to the head (1.0 for a head) and why, in a sentence for people
 * ("joined s-17 at similarity 0.41, numbers agree: 55").
 */
public record ClusterDecision(String clusterId, String headStoryId, boolean head, double similarity, String explanation) {

    static ClusterDecision newHead(String storyId, String explanation) {
        return new ClusterDecision(storyId, storyId, true, 1.0, explanation);
    }

    static ClusterDecision joined(String headStoryId, double similarity, String explanation) {
        return new ClusterDecision(headStoryId, headStoryId, false, similarity, explanation);
    }
}
