package dev.newsalerts.classifier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsalerts.classifier.domain.Judgement.JudgedStory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedbackScoringTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    private static final RuleSet IN_FORCE = compile("""
            groups:
              zebra: [zebra]
              lion: [lion]
              zoo: [zoo]
            rules:
              - id: zebras
                all: [zebra]
              - id: lions
                all: [lion]
              - id: zoos
                all: [zoo]
            """);

    private static final RuleSet CANDIDATE = compile("""
            groups:
              zebra: [zebra]
              lion: [lion]
              circus: [circus]
            rules:
              - id: zebras
                all: [zebra]
                none: [circus]
              - id: lions
                all: [lion]
            """);

    private static RuleSet compile(String yaml) {
        return RuleSet.compile(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml");
    }

    private static Judgement judged(String alertId, String title, Verdict verdict, Duration ago, String... ruleIds) {
        return new Judgement(alertId, "story-" + alertId, "v1", List.of(ruleIds), verdict, "console", NOW.minus(ago),
                new JudgedStory(title, "", "en", "https://example.com/" + alertId));
    }

    private final List<Judgement> judgements = List.of(
            judged("a", "A zebra escapes", Verdict.RELEVANT, Duration.ofDays(1), "zebras"),
            judged("b", "A zebra joins the circus", Verdict.NOT_RELEVANT, Duration.ofDays(2), "zebras"),
            judged("c", "A lion and a zebra meet", Verdict.RELEVANT, Duration.ofDays(3), "zebras", "lions"),
            judged("d", "The lion sleeps", Verdict.NOT_RELEVANT, Duration.ofDays(40), "lions"));

    @Test
    void aCandidateThatDropsAStoryJudgedNotRelevantHasTheHigherPrecisionAndTheSameRecall() {
        FeedbackBacktest report = FeedbackBacktest.run(IN_FORCE, CANDIDATE, judgements);

        FeedbackScore before = rule(report.inForce(), "zebras");
        FeedbackScore after = rule(report.candidate(), "zebras");
        assertThat(before.judged()).isEqualTo(3);
        assertThat(before.alerted()).isEqualTo(3);
        assertThat(before.precision()).isEqualTo(2.0 / 3);
        assertThat(after.alerted()).isEqualTo(2);
        assertThat(after.precision()).isEqualTo(1.0);
        assertThat(after.recall()).isEqualTo(before.recall()).isEqualTo(1.0);
        assertThat(report.candidate().overall().precision()).isGreaterThan(report.inForce().overall().precision());
        assertThat(report.judgedAlerts()).isEqualTo(4);
    }

    @Test
    void theChangedJudgedAlertsSayTheVerdictAndTheRulesBeforeAndAfter() {
        FeedbackBacktest report = FeedbackBacktest.run(IN_FORCE, CANDIDATE, judgements);

        assertThat(report.changed()).singleElement().satisfies(change -> {
            assertThat(change.alertId()).isEqualTo("b");
            assertThat(change.title()).isEqualTo("A zebra joins the circus");
            assertThat(change.verdict()).isEqualTo(Verdict.NOT_RELEVANT);
            assertThat(change.judgedRuleIds()).containsExactly("zebras");
            assertThat(change.before()).containsExactly("zebras");
            assertThat(change.after()).isEmpty();
        });
    }

    @Test
    void aRuleNoJudgedAlertCarriedHasNoPrecisionNorRecall() {
        FeedbackScore zoos = rule(FeedbackBacktest.run(IN_FORCE, CANDIDATE, judgements).inForce(), "zoos");

        assertThat(zoos.judged()).isZero();
        assertThat(zoos.precision()).isNull();
        assertThat(zoos.recall()).isNull();
    }

    @Test
    void qualityCountsTheVerdictForEveryRuleThatFiredAndOnlyWithinTheDays() {
        RuleQuality quality = RuleQuality.of(IN_FORCE, judgements, 30, NOW.minus(Duration.ofDays(30)));

        assertThat(quality.judgements()).isEqualTo(3);
        assertThat(quality.rulesVersions()).containsExactly("v1");
        assertThat(quality.rules()).extracting(RuleQuality.RuleFeedback::ruleId).containsExactly("zebras", "lions", "zoos");
        RuleQuality.RuleFeedback zebras = quality.rules().get(0);
        assertThat(zebras.judged()).isEqualTo(3);
        assertThat(zebras.relevant()).isEqualTo(2);
        assertThat(zebras.notRelevant()).isEqualTo(1);
        assertThat(zebras.precision()).isEqualTo(2.0 / 3);
        RuleQuality.RuleFeedback lions = quality.rules().get(1);
        assertThat(lions.judged()).isEqualTo(1); // the lion judged 40 days ago is out of the window
        assertThat(lions.precision()).isEqualTo(1.0);
        RuleQuality.RuleFeedback zoos = quality.rules().get(2);
        assertThat(zoos.judged()).isZero();
        assertThat(zoos.precision()).isNull();
        assertThat(zoos.rulesVersions()).isEmpty();
    }

    @Test
    void aJudgementWithoutTheFieldsScoringNeedsIsRefusedNamingTheField() {
        assertThatThrownBy(() -> judged("e", "A zebra", Verdict.RELEVANT, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ruleIds");
        assertThatThrownBy(() -> judged("f", null, Verdict.RELEVANT, Duration.ZERO, "zebras"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("story.title");
    }

    @Test
    void aRulePastedAloneIsScoredOnlyOnTheJudgementsOfTheRuleOfItsId() {
        Candidate alone = Candidate.compile("""
                id: zebras
                groups:
                  circus: [circus]
                all: [zebra]
                none: [circus]
                """.getBytes(StandardCharsets.UTF_8), IN_FORCE, "pasted");

        FeedbackBacktest report = FeedbackBacktest.run(IN_FORCE, alone, judgements);

        assertThat(report.inForce().rules()).extracting(FeedbackScore::ruleId).containsExactly("zebras");
        assertThat(report.candidate().rules()).extracting(FeedbackScore::ruleId).containsExactly("zebras");
        assertThat(report.inForce().overall().judged()).isEqualTo(3);
        assertThat(report.candidate().overall().precision()).isEqualTo(1.0);
        assertThat(report.changed()).extracting(FeedbackBacktest.Change::alertId).containsExactly("b");
    }

    private static FeedbackScore rule(FeedbackBacktest.Scores scores, String ruleId) {
        return scores.rules().stream().filter(score -> ruleId.equals(score.ruleId())).findFirst().orElseThrow();
    }
}
