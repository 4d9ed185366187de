package dev.newsalerts.classifier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.newsalerts.classifier.quality.RuleScores;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A story's {@code content} (a {@code fullText} feed's article text) is seen by the rules that name
 * it, and only by them (docs/RULES.md, fields).
 */
class ContentFieldTest {

    private static final String GROUPS = """
            groups:
              microsoft: [Microsoft]
              openai: [OpenAI]
              amazon: [Amazon]
              dispute: [sue~, lawsuit~]
            rules:
            """;

    private static final String TEASER_TITLE = "Cloud deals under scrutiny";
    private static final String TEASER_SUMMARY = "Read the full story on our site.";
    private static final String ARTICLE = "The contract was signed last year.\n\n"
            + "Microsoft said on Monday it would sue OpenAI over the exclusive deal. Talks had failed.\n\n"
            + "Amazon declined to comment.";

    private static RuleSet rules(String rules) {
        return RuleSet.compile((GROUPS + rules).getBytes(StandardCharsets.UTF_8), "content.yaml");
    }

    private static List<String> fired(RuleSet rules, String title, String summary, String content) {
        return rules.classify(title, summary, content).stream().map(RuleMatch::ruleId).toList();
    }

    @Test
    void aRuleThatNamesContentFiresOnTheArticleWhenTitleAndSummaryLackTheTermsAndNotWithoutIt() {
        RuleSet rules = rules("""
                  - {id: article, fields: [content], all: [microsoft, openai, dispute]}
                  - {id: everywhere, fields: [title, summary, content], all: [microsoft, openai, dispute]}
                """);

        List<RuleMatch> matches = rules.classify(TEASER_TITLE, TEASER_SUMMARY, ARTICLE);

        assertThat(matches).extracting(RuleMatch::ruleId).containsExactly("article", "everywhere");
        assertThat(matches.get(0).terms()).extracting(MatchedTerm::term, MatchedTerm::field, term -> ARTICLE.substring(term.start(), term.end()))
                .containsExactly(tuple("Microsoft", Field.CONTENT, "Microsoft"), tuple("sue~", Field.CONTENT, "sue"),
                        tuple("OpenAI", Field.CONTENT, "OpenAI"));
        assertThat(fired(rules, TEASER_TITLE, TEASER_SUMMARY, null)).as("no content: nothing there").isEmpty();
        assertThat(fired(rules, TEASER_TITLE, TEASER_SUMMARY, "")).isEmpty();
        assertThat(rules.classify(TEASER_TITLE, TEASER_SUMMARY)).as("the two-argument form has no content").isEmpty();
    }

    @Test
    void aRuleWithoutFieldsLooksAtTitleAndSummaryOnly() {
        RuleSet rules = rules("""
                  - {id: default-fields, all: [microsoft, openai, dispute]}
                  - {id: title-summary, fields: [title, summary], all: [microsoft, openai, dispute]}
                  - {id: lead, fields: [lead], all: [microsoft, openai, dispute]}
                """);

        assertThat(fired(rules, TEASER_TITLE, TEASER_SUMMARY, ARTICLE)).isEmpty();
        assertThat(fired(rules, "Microsoft and OpenAI", TEASER_SUMMARY, ARTICLE))
                .as("the dispute word is in the content only").isEmpty();
        assertThat(fired(rules, "Microsoft sues OpenAI", TEASER_SUMMARY, ARTICLE))
                .containsExactly("default-fields", "title-summary", "lead");
    }

    @Test
    void theBundledRulesIgnoreTheContent() {
        RuleSet bundled = RuleScores.bundledRules();
        String dispute = "Microsoft weighs legal action over OpenAI's $50B Amazon deal. "
                + "Azure remains the exclusive cloud for stateless OpenAI APIs, Microsoft says.";
        String pricing = "AWS raises prices for EC2 GPU instances.";
        assertThat(fired(bundled, "Cloud news", dispute, null)).as("in the summary it fires").contains("ms-openai-amazon-dispute");
        assertThat(fired(bundled, "Cloud news", pricing, null)).as("in the summary it fires").contains("cloud-pricing");

        assertThat(fired(bundled, "Cloud news", TEASER_SUMMARY, dispute)).isEmpty();
        assertThat(fired(bundled, "Cloud news", TEASER_SUMMARY, pricing)).isEmpty();
        assertThat(fired(bundled, "Cloud news", TEASER_SUMMARY, dispute + "\n\n" + pricing)).isEmpty();
    }

    @Test
    void withinASentenceWorksInsideTheContentAndNeverSpansTwoFields() {
        RuleSet rules = rules("""
                  - {id: sentence, fields: [title, summary, content], within: sentence, all: [microsoft, openai, dispute]}
                  - {id: paragraph, fields: [content], within: paragraph, all: [microsoft, amazon]}
                """);

        List<RuleMatch> matches = rules.classify(TEASER_TITLE, TEASER_SUMMARY, ARTICLE);

        assertThat(matches).extracting(RuleMatch::ruleId).containsExactly("sentence");
        Passage within = matches.get(0).within();
        assertThat(within.field()).isEqualTo(Field.CONTENT);
        assertThat(ARTICLE.substring(within.start(), within.end()))
                .isEqualTo("Microsoft said on Monday it would sue OpenAI over the exclusive deal. ");
        String digest = "Microsoft reports record revenue. OpenAI launches a model. A bakery faces a lawsuit.";
        assertThat(fired(rules, TEASER_TITLE, TEASER_SUMMARY, digest)).as("a digest's items are separate sentences").isEmpty();
        assertThat(fired(rules, TEASER_TITLE, "Microsoft and OpenAI", "A lawsuit was filed."))
                .as("the summary's last sentence and the content's first are two").isEmpty();
        assertThat(fired(rules, TEASER_TITLE, TEASER_SUMMARY, "Microsoft and Amazon met.\nNo comment."))
                .as("one paragraph, two lines").containsExactly("paragraph");
    }

    @Test
    void aConditionCanBeLookedForInTheContentAlone() {
        RuleSet rules = rules("""
                  - id: firms-up-front-dispute-in-the-article
                    fields: [title, summary, content]
                    atLeast: {count: 2, of: [microsoft, openai, amazon], in: lead}
                    all: {of: [dispute], in: content}
                """);

        assertThat(fired(rules, "Microsoft and OpenAI at odds", TEASER_SUMMARY, ARTICLE))
                .containsExactly("firms-up-front-dispute-in-the-article");
        assertThat(fired(rules, "Microsoft and OpenAI may sue each other", TEASER_SUMMARY, "No article text."))
                .as("the dispute word in the title is not in the content").isEmpty();
        assertThat(fired(rules, TEASER_TITLE, TEASER_SUMMARY, ARTICLE))
                .as("the firms in the content are not in the lead").isEmpty();
    }

    @Test
    void mentionsCountAcrossTheFieldsTheRuleLooksAt() {
        RuleSet rules = rules("""
                  - {id: with-content, fields: [title, summary, content], all: [openai, dispute], mentions: {openai: 3}}
                  - {id: without-content, all: [openai, dispute], mentions: {openai: 3}}
                """);

        assertThat(fired(rules, "OpenAI faces a lawsuit", "", "OpenAI said little. OpenAI will respond."))
                .containsExactly("with-content");
        assertThat(fired(rules, "OpenAI faces a lawsuit", "", "OpenAI said little.")).isEmpty();
    }

    @Test
    void nearWorksInsideTheContent() {
        RuleSet rules = rules("""
                  - {id: near, fields: [content], near: {words: 5}, all: [microsoft, openai]}
                """);

        List<RuleMatch> matches = rules.classify("", "", "In the end Microsoft and OpenAI agreed.");

        assertThat(matches).extracting(RuleMatch::ruleId).containsExactly("near");
        assertThat(matches.get(0).within()).isEqualTo(new Passage(Scope.NEAR, Field.CONTENT, 11, 31));
        assertThat(fired(rules, "", "", "Microsoft, said the report of many pages, and then OpenAI")).isEmpty();
    }

    @Test
    void theExplanationShowsTheContentAroundItsTerms() {
        RuleSet rules = rules("""
                  - {id: article, fields: [title, summary, content], all: [microsoft, openai, dispute]}
                """);
        RuleMatch match = rules.classify("Microsoft in the news", TEASER_SUMMARY, ARTICLE).get(0);

        Explanation why = Explanation.of(match, "Microsoft in the news", TEASER_SUMMARY, ARTICLE);

        assertThat(why.terms()).extracting(Explanation.FoundTerm::field, Explanation.FoundTerm::text)
                .containsExactly(tuple(Field.TITLE, "Microsoft"), tuple(Field.CONTENT, "Microsoft"), tuple(Field.CONTENT, "sue"),
                        tuple(Field.CONTENT, "OpenAI"));
        Explanation.Excerpt article = why.excerpts().get(1);
        assertThat(article.field()).isEqualTo(Field.CONTENT);
        assertThat(article.text()).contains("Microsoft said on Monday it would sue OpenAI");
        assertThat(article.marks()).extracting(mark -> article.text().substring(mark.start(), mark.end()))
                .containsExactly("Microsoft", "sue", "OpenAI");
    }
}
