package dev.newsalerts.classifier.domain.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How well clusters match labeled coverage of real events (clusters/events.yaml, used to tune the
 * thresholds, and clusters/holdout.yaml, written before tuning and never tuned on): the stories are
 * placed in time order, all under one rule, and every pair is scored. Prints the numbers and the pairs
 * that went wrong.
 */
class ClusterQualityTest {

    private static final double MIN_PRECISION = 0.98;
    private static final double MIN_RECALL = 0.90;

    @Test
    void theTuningSetIsLargeWithSeveralVersionsPerEventInBothLanguages() {
        LabeledCoverage tuning = LabeledCoverage.read("/clusters/events.yaml");
        LabeledCoverage holdout = LabeledCoverage.read("/clusters/holdout.yaml");
        assertThat(tuning.events().size() + holdout.events().size()).isGreaterThanOrEqualTo(40);
        assertThat(holdout.events().size() * 4).isGreaterThanOrEqualTo(tuning.events().size() + holdout.events().size());
        assertThat(tuning.events()).extracting(LabeledCoverage.Event::lang).contains("en", "zh");
        assertThat(tuning.events()).allSatisfy(event -> assertThat(event.stories()).hasSizeBetween(2, 5));
    }

    @Test
    void differentEventsAreNotMergedAndVersionsOfOneEventMeetOnTheTuningSet() {
        PairwiseScore score = cluster("/clusters/events.yaml");
        assertThat(score.precision()).as(score.summary()).isGreaterThanOrEqualTo(MIN_PRECISION);
        assertThat(score.recall()).as(score.summary()).isGreaterThanOrEqualTo(MIN_RECALL);
    }

    @Test
    void differentEventsAreNotMergedAndVersionsOfOneEventMeetOnTheHeldOutSet() {
        PairwiseScore score = cluster("/clusters/holdout.yaml");
        assertThat(score.precision()).as(score.summary()).isGreaterThanOrEqualTo(MIN_PRECISION);
        assertThat(score.recall()).as(score.summary()).isGreaterThanOrEqualTo(MIN_RECALL);
    }

    private static PairwiseScore cluster(String resource) {
        List<LabeledCoverage.Story> stories = LabeledCoverage.read(resource).storiesInTimeOrder();
        ClusterIndex index = new ClusterIndex();
        Map<String, String> clusterOf = new HashMap<>();
        for (LabeledCoverage.Story story : stories) {
            ClusterDecision decision = index.place(story.id(), Set.of("all-news"),
                    StoryFingerprint.of(story.title(), story.lead()), story.at());
            clusterOf.put(story.id(), decision.clusterId());
            System.out.printf("  %-40s %s%n", story.id(), decision.explanation());
        }
        PairwiseScore score = PairwiseScore.of(stories, clusterOf);
        System.out.printf("%s (%d stories): %s%n", resource, stories.size(), score.summary());
        score.wronglyMerged().forEach(pair -> System.out.println("  merged, different events: " + pair));
        score.missed().forEach(pair -> System.out.println("  apart, one event: " + pair));
        return score;
    }
}
