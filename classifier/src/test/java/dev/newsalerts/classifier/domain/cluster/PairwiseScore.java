package dev.newsalerts.classifier.domain.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pairwise precision and recall of a clustering against labeled events: of the pairs of stories put in
 * one cluster, the share that report one event (precision); of the pairs that report one event in one
 * language, the share put in one cluster (recall). The pairs that went wrong are listed for the report.
 */
record PairwiseScore(int joinedPairs, int correctJoinedPairs, int sameEventPairs, int sameEventPairsJoined,
        List<String> wronglyMerged, List<String> missed) {

    static PairwiseScore of(List<LabeledCoverage.Story> stories, Map<String, String> clusterOf) {
        int joined = 0;
        int correct = 0;
        int sameEvent = 0;
        int sameEventJoined = 0;
        List<String> merged = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < stories.size(); i++) {
            for (int j = i + 1; j < stories.size(); j++) {
                LabeledCoverage.Story a = stories.get(i);
                LabeledCoverage.Story b = stories.get(j);
                boolean together = clusterOf.get(a.id()).equals(clusterOf.get(b.id()));
                boolean oneEvent = a.event().equals(b.event());
                if (together) {
                    joined++;
                    if (oneEvent) {
                        correct++;
                    } else {
                        merged.add(a.id() + " + " + b.id());
                    }
                }
                if (oneEvent && a.lang().equals(b.lang())) {
                    sameEvent++;
                    if (together) {
                        sameEventJoined++;
                    } else {
                        missed.add(a.id() + " / " + b.id());
                    }
                }
            }
        }
        return new PairwiseScore(joined, correct, sameEvent, sameEventJoined, merged, missed);
    }

    double precision() {
        return joinedPairs == 0 ? 1.0 : correctJoinedPairs / (double) joinedPairs;
    }

    double recall() {
        return sameEventPairs == 0 ? 1.0 : sameEventPairsJoined / (double) sameEventPairs;
    }

    String summary() {
        return String.format(java.util.Locale.ROOT, "pairwise precision %.3f (%d of %d joined pairs), recall %.3f (%d of %d same-event pairs)",
                precision(), correctJoinedPairs, joinedPairs, recall(), sameEventPairsJoined, sameEventPairs);
    }
}
