package dev.newsalerts.classifier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestTest {

    private static final RuleSet IN_FORCE = RuleSet.compile("""
            groups:
              microsoft: [Microsoft]
              openai: [OpenAI]
              dispute: [sue~, lawsuit~]
              zoo: [zebra]
            rules:
              - id: dispute
                title: Microsoft–OpenAI dispute
                all: [microsoft, openai, dispute]
              - id: zebras
                all: [zoo]
            """.getBytes(StandardCharsets.UTF_8), "rules.yaml");

    private static final StoryText DIGEST = new StoryText("digest", "Morning briefing",
            "Microsoft reports record revenue. OpenAI launches a model. A bakery faces a lawsuit.", "https://example.com/digest");
    private static final StoryText SUIT = new StoryText("suit", "Microsoft sues OpenAI over the exclusive deal",
            "The suit was filed on Monday.", "https://example.com/suit");
    private static final StoryText ZEBRA = new StoryText("zebra", "A zebra escapes the zoo", "");

    private static Candidate candidate(String yaml) {
        return Candidate.compile(yaml.getBytes(StandardCharsets.UTF_8), IN_FORCE, "candidate");
    }

    @Test
    void aStoryThatWouldStopAlertingSaysWhyTheRuleInForceFiredAndOneThatWouldAlertSaysWhichSentenceDecided() {
        Candidate oneRule = candidate("""
                id: dispute
                title: Microsoft–OpenAI dispute in one sentence
                within: sentence
                all: [microsoft, openai, dispute]
                """);

        Backtest report = Backtest.run(IN_FORCE, oneRule, List.of(DIGEST, SUIT, ZEBRA));

        assertThat(report.candidateRules()).containsExactly("dispute");
        assertThat(report.alertsInForce()).as("only the rule of the same id counts").isEqualTo(2);
        assertThat(report.alertsCandidate()).isEqualTo(1);
        assertThat(report.removed()).extracting(Backtest.Outcome::storyId).containsExactly("digest");
        Backtest.Outcome stopped = report.removed().get(0);
        assertThat(stopped.after()).isEmpty();
        assertThat(stopped.link()).isEqualTo("https://example.com/digest");
        Explanation inForce = stopped.whyBefore().get(0);
        assertThat(inForce.scope()).isEqualTo("story");
        assertThat(inForce.passage()).isNull();
        assertThat(inForce.terms()).extracting(Explanation.FoundTerm::term, Explanation.FoundTerm::text)
                .containsExactly(tuple("Microsoft", "Microsoft"),
                        tuple("OpenAI", "OpenAI"),
                        tuple("lawsuit~", "lawsuit"));
        assertThat(inForce.excerpts()).flatExtracting(Explanation.Excerpt::marks).extracting(Explanation.Mark::term)
                .containsExactly("Microsoft", "OpenAI", "lawsuit~");

        Backtest.Outcome alerting = report.wouldAlert().get(0);
        assertThat(alerting.storyId()).isEqualTo("suit");
        assertThat(alerting.whyBefore()).as("same rules before and after: nothing changes").isEmpty();
        Explanation why = alerting.why().get(0);
        assertThat(why.ruleTitle()).isEqualTo("Microsoft–OpenAI dispute in one sentence");
        assertThat(why.scope()).isEqualTo("sentence");
        assertThat(why.passage().field()).isEqualTo(Field.TITLE);
        assertThat(why.passage().text()).isEqualTo("Microsoft sues OpenAI over the exclusive deal");
        assertThat(why.passage().marks()).extracting(mark -> why.passage().text().substring(mark.start(), mark.end()))
                .containsExactly("Microsoft", "sues", "OpenAI");
        assertThat(why.terms()).extracting(Explanation.FoundTerm::group, Explanation.FoundTerm::text)
                .contains(tuple("dispute", "sues"));
    }

    @Test
    void aCandidateThatNamesContentIsTestedOnTheContentOfTheStoriesAndSaysWhereInItItHeld() {
        StoryText teaser = new StoryText("teaser", "Cloud deals under scrutiny", "Read the full story.", "https://example.com/teaser",
                "The contract was signed last year.\n\nMicrosoft said it would sue OpenAI over the deal. Talks failed.");
        Candidate inTheArticle = candidate("""
                id: dispute-in-the-article
                fields: [title, summary, content]
                within: sentence
                all: [microsoft, openai, dispute]
                """);

        Backtest report = Backtest.run(IN_FORCE, inTheArticle, List.of(DIGEST, teaser, ZEBRA));

        assertThat(report.added()).extracting(Backtest.Outcome::storyId).containsExactly("teaser");
        Explanation why = report.added().get(0).why().get(0);
        assertThat(why.scope()).isEqualTo("sentence");
        assertThat(why.passage().field()).isEqualTo(Field.CONTENT);
        assertThat(why.passage().text()).isEqualTo("Microsoft said it would sue OpenAI over the deal. ");
        assertThat(why.terms()).extracting(Explanation.FoundTerm::field).containsOnly(Field.CONTENT);
        assertThat(Backtest.run(IN_FORCE, IN_FORCE, List.of(teaser)).alertsInForce())
                .as("the rules in force do not name content").isZero();
    }

    @Test
    void aRulePastedAloneUsesTheGroupsInForceAndItsOwnAndANewIdIsComparedWithNothing() {
        Candidate newRule = candidate("""
                - id: suits
                  groups: {court: [suit, court]}
                  all: [court, openai]
                """);

        Backtest report = Backtest.run(IN_FORCE, newRule, List.of(DIGEST, SUIT, ZEBRA));

        assertThat(report.alertsInForce()).isZero();
        assertThat(report.added()).extracting(Backtest.Outcome::storyId).containsExactly("suit");
        Explanation why = report.added().get(0).why().get(0);
        assertThat(why.terms()).extracting(Explanation.FoundTerm::field, Explanation.FoundTerm::text)
                .containsExactly(tuple(Field.TITLE, "OpenAI"),
                        tuple(Field.SUMMARY, "suit"));
        assertThat(why.excerpts()).hasSize(2);
        assertThat(why.excerpts().get(1).text()).isEqualTo("The suit was filed on Monday.");
        assertThat(why.excerpts().get(1).toEnd()).isTrue();
    }

    @Test
    void aWholeRuleFileIsComparedWithAllTheRulesInForce() {
        Candidate file = candidate("""
                groups: {zoo: [zebra]}
                rules: [{id: zebras, all: [zoo]}]
                """);

        Backtest report = Backtest.run(IN_FORCE, file, List.of(DIGEST, SUIT, ZEBRA));

        assertThat(report.candidateRules()).isNull();
        assertThat(report.removed()).extracting(Backtest.Outcome::storyId).containsExactly("digest", "suit");
        assertThat(report.wouldAlert()).extracting(Backtest.Outcome::storyId).containsExactly("zebra");
    }

    @Test
    void aPastedRuleWithAnUnknownGroupOrKeyIsRefusedSayingSo() {
        assertThatThrownBy(() -> candidate("id: r\nall: [nowhere]\n")).isInstanceOf(RuleFileException.class)
                .hasMessageContaining("unknown group 'nowhere'").hasMessageContaining("line 1");
        assertThatThrownBy(() -> candidate("id: r\nal: [zoo]\n")).isInstanceOf(RuleFileException.class)
                .hasMessageContaining("rule 'r'").hasMessageContaining("al");
        assertThatThrownBy(() -> candidate("groups: [\n")).isInstanceOf(RuleFileException.class)
                .hasMessageContaining("candidate line");
    }

    @Test
    void listsStopAtTheirCapAndStoriesBeyondItAreCountedButNotExplained() {
        List<StoryText> zebras = java.util.stream.IntStream.range(0, Backtest.MAX_LISTED + 20)
                .mapToObj(i -> new StoryText("z" + i, "zebra " + i, "")).toList();

        Backtest report = Backtest.run(IN_FORCE, candidate("groups: {zoo: [zebra]}\nrules: [{id: zebra-2, all: [zoo]}]\n"), zebras);

        assertThat(report.alertsCandidate()).isEqualTo(Backtest.MAX_LISTED + 20);
        assertThat(report.wouldAlert()).hasSize(Backtest.MAX_LISTED);
        assertThat(report.changed()).hasSize(Backtest.MAX_LISTED);
        assertThat(report.changed().get(0).whyBefore()).extracting(Explanation::ruleId).containsExactly("zebras");
    }

    @Test
    void theExampleRuleOfTheConsolesTryARulePageIsAValidCandidateAgainstTheBundledRules() throws Exception {
        String page = java.nio.file.Files.readString(
                java.nio.file.Path.of("../notifier/src/main/resources/META-INF/resources/console/rules.html"));
        String example = page.substring(page.indexOf('>', page.indexOf("<textarea")) + 1, page.indexOf("</textarea>"));
        RuleSet bundled;
        try (java.io.InputStream in = getClass().getResourceAsStream("/rules.yaml")) {
            bundled = RuleSet.compile(in.readAllBytes(), "rules.yaml");
        }

        Candidate candidate = Candidate.compile(example.getBytes(StandardCharsets.UTF_8), bundled, "example");

        assertThat(candidate.ruleIds()).containsExactly("ms-openai-amazon-dispute");
        assertThat(candidate.rules().classify("Microsoft sues OpenAI over the exclusive deal", "")).hasSize(1);
        assertThat(candidate.rules().classify("Morning briefing", "Microsoft reports record revenue. OpenAI launches a model. "
                + "A bakery faces a lawsuit.")).isEmpty();
    }
}
