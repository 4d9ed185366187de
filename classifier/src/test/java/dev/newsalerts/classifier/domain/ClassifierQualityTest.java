package dev.newsalerts.classifier.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.newsalerts.classifier.quality.RuleScores;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the bundled rules on labeled stories in English, simplified and
 * traditional Chinese, hard negatives included: {@code labeled/stories.yaml} (190+ stories, used
 * to tune the rules) and {@code labeled/holdout.yaml} (80 stories written separately and never
 * used for tuning: it tells how the rules generalise). Reports are printed; the test fails when
 * a rule falls under the bar.
 */
class ClassifierQualityTest {

    private static final double MIN_PRECISION = 0.95;
    private static final double MIN_RECALL = 0.90;
    private static final double MIN_HOLDOUT_PRECISION = 0.85;
    private static final double MIN_HOLDOUT_RECALL = 0.75;

    record LabeledStory(String id, String lang, String title, String summary, List<String> labels, String why) {
    }

    record LabeledSet(List<LabeledStory> stories) {
    }

    static List<LabeledStory> stories;
    static List<LabeledStory> holdout;
    static RuleSet rules;

    @BeforeAll
    static void load() throws IOException {
        stories = read("/labeled/stories.yaml");
        holdout = read("/labeled/holdout.yaml");
        rules = RuleScores.bundledRules();
    }

    private static List<LabeledStory> read(String resource) throws IOException {
        try (InputStream in = ClassifierQualityTest.class.getResourceAsStream(resource)) {
            return YAMLMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readValue(in, LabeledSet.class).stories();
        }
    }

    @Test
    void theLabeledSetIsLargeAndCoversBothScriptsAndHardNegatives() {
        assertThat(stories).hasSizeGreaterThanOrEqualTo(150);
        assertThat(stories).extracting(LabeledStory::lang).contains("en", "zh-hans", "zh-hant");
        assertThat(stories.stream().filter(story -> story.labels().isEmpty() && story.why() != null)).hasSizeGreaterThan(50);
    }

    @Test
    void eachDefaultRuleIsPreciseAndFindsWhatItShould() {
        assertMeetsTheBar(stories, "the tuning set", MIN_PRECISION, MIN_RECALL);
    }

    @Test
    void eachDefaultRuleGeneralisesToStoriesItWasNotTunedOn() {
        assertMeetsTheBar(holdout, "the held-out set", MIN_HOLDOUT_PRECISION, MIN_HOLDOUT_RECALL);
    }

    private static void assertMeetsTheBar(List<LabeledStory> stories, String name, double minPrecision, double minRecall) {
        StringBuilder report = new StringBuilder("\nClassifier quality on " + name + ", " + stories.size() + " stories\n");
        List<String> belowBar = new ArrayList<>();
        List<RuleScores.Judged> judged = stories.stream()
                .map(story -> new RuleScores.Judged(story.id(), story.title(), story.summary(), Set.copyOf(story.labels()))).toList();
        for (RuleScores.Score score : RuleScores.score(rules, judged)) {
            report.append(score.line()).append('\n');
            report.append("    false positives: ").append(score.falsePositives()).append('\n');
            report.append("    false negatives: ").append(score.falseNegatives()).append('\n');
            if (score.precision() < minPrecision || score.recall() < minRecall) {
                belowBar.add(score.rule());
            }
        }
        System.out.println(report);
        assertThat(belowBar).as(report.toString()).isEmpty();
    }
}
