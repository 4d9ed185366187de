package dev.newsalerts.classifier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RuleSetTest {

    private static RuleSet compile(String yaml) {
        return RuleSet.compile(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml");
    }

    @Test
    void aPrefixTermMatchesLongerWordsButAPlainTermDoesNot() {
        RuleSet rules = compile("""
                groups:
                  talks: [renegotiat*]
                  sue: [sue]
                rules:
                  - id: talks
                    all: [talks]
                  - id: sue
                    all: [sue]
                """);

        assertThat(rules.classify("They renegotiated the contract", "")).extracting(RuleMatch::ruleId).containsExactly("talks");
        assertThat(rules.classify("Microsoft could issue a statement", "")).isEmpty();
    }

    @Test
    void latinTermsMatchWholeWordsAndChineseTermsMatchInsideText() {
        RuleSet rules = compile("""
                groups:
                  amazon: [Amazon, AWS, 亚马逊]
                rules:
                  - id: amazon
                    all: [amazon]
                """);

        assertThat(rules.classify("Amazonian tribes and new laws", "")).isEmpty();
        assertThat(rules.classify("Amazon's AWS unit", "").get(0).terms()).extracting(MatchedTerm::term)
                .containsExactly("Amazon", "AWS");
        assertThat(rules.classify("美国亚马逊公司", "")).hasSize(1);
    }

    @Test
    void aRuleCanBeLimitedToTheTitle() {
        RuleSet rules = compile("""
                groups:
                  cloud: [cloud]
                rules:
                  - id: title-only
                    all: [cloud]
                    fields: [title]
                """);

        assertThat(rules.classify("Weather", "cloud")).isEmpty();
        assertThat(rules.classify("cloud", "Weather")).hasSize(1);
    }

    @Test
    void theScoreIsTheShareOfPositiveGroupsFound() {
        RuleSet rules = compile("""
                groups:
                  a: [alpha]
                  b: [beta]
                  c: [gamma]
                rules:
                  - id: two-of-three
                    atLeast: {count: 2, of: [a, b, c]}
                """);

        assertThat(rules.classify("alpha beta", "").get(0).score()).isEqualTo(0.667);
        assertThat(rules.classify("alpha beta gamma", "").get(0).score()).isEqualTo(1.0);
        assertThat(rules.classify("alpha", "")).isEmpty();
    }

    @Test
    void theVersionChangesWithTheFile() {
        String yaml = "groups: {a: [alpha]}\nrules: [{id: r, all: [a]}]\n";
        assertThat(compile(yaml).version()).isEqualTo(compile(yaml).version()).hasSize(12);
        assertThat(compile(yaml + "# edited\n").version()).isNotEqualTo(compile(yaml).version());
    }

    @Test
    void anUnknownGroupIsNamedWithTheLineOfItsRule() {
        assertThatThrownBy(() -> compile("""
                groups:
                  a: [alpha]
                rules:
                  - id: fine
                    all: [a]
                  - id: broken
                    all: [a, b]
                """))
                .isInstanceOf(RuleFileException.class)
                .hasMessage("test.yaml line 6: rule 'broken': unknown group 'b'");
    }

    @Test
    void aGroupWithoutTermsIsNamedWithItsLine() {
        assertThatThrownBy(() -> compile("groups:\n  a: [alpha]\n  b: []\nrules: [{id: r, all: [a]}]\n"))
                .isInstanceOf(RuleFileException.class)
                .hasMessage("test.yaml line 3: group 'b' has no terms");
    }

    @Test
    void anIdUsedTwiceIsRefused() {
        assertThatThrownBy(() -> compile("""
                groups:
                  a: [alpha]
                rules:
                  - id: r
                    all: [a]
                  - id: r
                    any: [a]
                """))
                .isInstanceOf(RuleFileException.class)
                .hasMessageMatching("test.yaml line \\d+: rule 'r': the id is used twice");
    }

    @Test
    void nearInCharactersWantsTheTermsCloseTogether() {
        RuleSet rules = compile("""
                groups:
                  cloud: [AWS]
                  price: [price hike]
                rules:
                  - id: near
                    all: [cloud, price]
                    near: {chars: 30}
                """);

        assertThat(rules.classify("AWS announces a price hike", "")).hasSize(1);
        assertThat(rules.classify("AWS opens a region in Spain; elsewhere, a bakery announces a price hike", "")).isEmpty();
        assertThat(rules.classify("AWS", "price hike")).as("terms in different fields are never near").isEmpty();
    }

    @Test
    void nearInWordsCountsEachChineseCharacterAsAWord() {
        RuleSet rules = compile("""
                groups:
                  cloud: [阿里云, AWS]
                  price: [涨价]
                rules:
                  - id: near
                    all: [cloud, price]
                    near: {words: 6}
                """);

        assertThat(rules.classify("阿里云宣布涨价", "")).hasSize(1);
        assertThat(rules.classify("阿里云今日发布多款新产品并宣布部分产品涨价", "")).isEmpty();
        assertThat(rules.classify("AWS will, next year, 涨价", "")).hasSize(1);
    }

    @Test
    void weightsShapeTheScore() {
        RuleSet rules = compile("""
                groups:
                  a: [alpha]
                  b: [beta]
                rules:
                  - id: weighted
                    any: [a, b]
                    weights: {a: 3}
                    minScore: 0.5
                """);

        assertThat(rules.classify("alpha", "").get(0).score()).isEqualTo(0.75);
        assertThat(rules.classify("beta", "")).as("0.25 is under minScore").isEmpty();
    }

    @Test
    void aWeightForAGroupTheRuleDoesNotUseIsRefused() {
        assertThatThrownBy(() -> compile("groups: {a: [alpha], b: [beta]}\nrules: [{id: r, all: [a], weights: {b: 2}}]\n"))
                .isInstanceOf(RuleFileException.class).hasMessageContaining("weights name 'b'");
    }

    @Test
    void aYamlErrorNamesTheLine() {
        assertThatThrownBy(() -> compile("groups:\n  a: [alpha]\nrules:\n  - id: r\n    all: [a\n"))
                .isInstanceOf(RuleFileException.class)
                .hasMessageMatching("(?s)test.yaml line 5: .*");
    }

    @Test
    void aKeyWrittenTwiceInOneRuleIsRefusedRatherThanTheFirstDropped() {
        assertThatThrownBy(() -> compile("""
                groups:
                  a: [alpha]
                  b: [beta]
                rules:
                  - id: r
                    none: [b]
                    all: [a]
                    none: [a]
                """))
                .isInstanceOf(RuleFileException.class)
                .hasMessageMatching("(?s)test.yaml line 8: .*'none'.*");
    }

    @Test
    void aGroupDefinedTwiceIsRefused() {
        assertThatThrownBy(() -> compile("groups:\n  a: [alpha]\n  a: [beta]\nrules: [{id: r, all: [a]}]\n"))
                .isInstanceOf(RuleFileException.class)
                .hasMessageMatching("(?s)test.yaml line 3: .*'a'.*");
    }

    @Test
    void aMisspelledKeyIsRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> compile("groups: {a: [alpha]}\nrules: [{id: r, alll: [a]}]\n"))
                .isInstanceOf(RuleFileException.class).hasMessageContaining("alll");
    }

    @Test
    void aStarInsideATermIsRefusedRatherThanMatchedLiterally() {
        assertThatThrownBy(() -> compile("groups:\n  a: [start* charging]\nrules: [{id: r, all: [a]}]\n"))
                .isInstanceOf(RuleFileException.class)
                .hasMessage("test.yaml line 2: group 'a': 'start* charging': * is only allowed at the end of a term");
    }

    @Test
    void aRuleWithoutConditionsIsRefused() {
        assertThatThrownBy(() -> compile("groups: {a: [alpha]}\nrules: [{id: r, none: [a]}]\n"))
                .isInstanceOf(RuleFileException.class).hasMessageContaining("needs at least one of all, any or atLeast");
    }

    @Test
    void aGroupOneRuleWantsCanBeAnotherRulesNoneGroup() {
        RuleSet rules = compile("""
                groups:
                  cloud: [cloud]
                  weather: [rain, storm]
                rules:
                  - id: cloud-business
                    all: [cloud]
                    none: [weather]
                  - id: cloud-weather
                    all: [cloud, weather]
                  - id: title-weather
                    all: [weather]
                    fields: [title]
                """);

        assertThat(rules.classify("Cloud prices", "").stream().map(RuleMatch::ruleId)).containsExactly("cloud-business");
        assertThat(rules.classify("Cloud and storm", "").stream().map(RuleMatch::ruleId))
                .containsExactly("cloud-weather", "title-weather");
        assertThat(rules.classify("Cloud", "rain later").stream().map(RuleMatch::ruleId)).containsExactly("cloud-weather");
    }

    @Test
    void aRuleCombinesUpTo64Groups() {
        StringBuilder groups = new StringBuilder("groups:\n");
        StringBuilder names = new StringBuilder();
        StringBuilder story = new StringBuilder();
        for (int g = 0; g < 65; g++) {
            groups.append("  g").append(g).append(": [w").append(g).append("]\n");
            names.append(g == 0 ? "" : ", ").append('g').append(g);
            story.append(" w").append(g);
        }
        String sixtyFour = names.substring(0, names.lastIndexOf(", "));

        RuleSet rules = compile(groups + "rules:\n  - id: wide\n    all: [" + sixtyFour + "]\n    none: []\n");
        assertThat(rules.classify(story.toString(), "").get(0).terms()).hasSize(64);
        assertThat(rules.classify(story.toString().replace(" w63", ""), "")).isEmpty();

        assertThatThrownBy(() -> compile(groups + "rules:\n  - id: wider\n    all: [" + sixtyFour + "]\n    none: [g64]\n"))
                .isInstanceOf(RuleFileException.class)
                .hasMessage("test.yaml line 68: rule 'wider': names 65 groups; a rule can combine at most 64 (put the terms of several in one group)");
    }

    @Test
    void aLongTermOutsideTheNearWindowDoesNotHideAShorterOneInside() {
        RuleSet rules = compile("""
                groups:
                  alpha: [alpha]
                  big: [new york city council]
                  small: [york]
                rules:
                  - id: close
                    all: [alpha, small]
                    any: [alpha, big]
                    near: {chars: 15}
                """);

        assertThat(rules.classify("alpha, new york city council", "")).hasSize(1);
        assertThat(rules.classify("alpha, then a new york city council", "")).isEmpty();
    }

    @Test
    void aGroupManyRulesShareCountsForEachInTheFieldsItLooksAt() {
        RuleSet rules = compile("""
                groups:
                  cloud: [cloud, AWS]
                  prices: [prices]
                  rain: [rain]
                rules:
                  - {id: r1, all: [cloud, prices]}
                  - {id: r2, all: [cloud]}
                  - {id: r3, all: [cloud], fields: [title]}
                  - {id: r4, any: [cloud, rain]}
                  - {id: r5, all: [rain], none: [cloud]}
                  - {id: r6, atLeast: {count: 2, of: [cloud, prices, rain]}}
                """);

        assertThat(rules.classify("AWS prices", "cloud again").stream().map(RuleMatch::ruleId))
                .containsExactly("r1", "r2", "r3", "r4", "r6");
        assertThat(rules.classify("Prices", "rain over the cloud").stream().map(RuleMatch::ruleId))
                .containsExactly("r1", "r2", "r4", "r6");
        assertThat(rules.classify("Rain", "").stream().map(RuleMatch::ruleId)).containsExactly("r4", "r5");
        RuleMatch r1 = rules.classify("AWS prices", "cloud again").get(0);
        assertThat(r1.terms()).extracting(MatchedTerm::term).containsExactly("AWS", "prices", "cloud");
        RuleMatch r3 = rules.classify("AWS prices", "cloud again").get(2);
        assertThat(r3.terms()).extracting(MatchedTerm::term).containsExactly("AWS");
    }
    @Test
    void aTildeMatchesTheEnglishFormsOfAWordButNotLongerWords() {
        RuleSet rules = compile("""
                groups:
                  deal: [deal~]
                  sue: [sue~]
                rules:
                  - id: deal
                    all: [deal]
                  - id: sue
                    all: [sue]
                """);

        for (String title : new String[] {"Their dealings with Amazon", "Microsoft dealt a blow", "A deal", "Dealing with OpenAI"}) {
            assertThat(rules.classify(title, "")).as(title).extracting(RuleMatch::ruleId).containsExactly("deal");
        }
        assertThat(rules.classify("A car dealer", "")).isEmpty();
        assertThat(rules.classify("Musk sued OpenAI, then sues again; suing is costly", "").get(0).terms())
                .extracting(MatchedTerm::term, MatchedTerm::start).containsExactly(tuple("sue~", 5), tuple("sue~", 23), tuple("sue~", 35));
        assertThat(rules.classify("An issue", "")).isEmpty();
    }

    @Test
    void aTildeOnAChineseTermIsRefused() {
        assertThatThrownBy(() -> compile("groups:\n  a: [诉讼~]\nrules: [{id: r, all: [a]}]\n"))
                .isInstanceOf(RuleFileException.class)
                .hasMessageStartingWith("test.yaml line 2: group 'a': '诉讼~': ~ makes the forms of an English word");
        assertThatThrownBy(() -> compile("groups:\n  a: [deal*~]\nrules: [{id: r, all: [a]}]\n"))
                .isInstanceOf(RuleFileException.class).hasMessageContaining("* is only allowed at the end");
    }
    private static final String DISPUTE_IN_ONE_SENTENCE = """
            groups:
              microsoft: [Microsoft, 微软]
              openai: [OpenAI]
              amazon: [Amazon, 亚马逊]
              dispute: [lawsuit~, sue~, exclusive, 法律战, 诉讼, 独家]
            rules:
              - id: dispute
                within: sentence
                atLeast: {count: 2, of: [microsoft, openai, amazon]}
                all: [dispute]
            """;

    @Test
    void aDigestNamingTheFirmsInDifferentHeadlinesDoesNotFireASentenceScopedRule() {
        RuleSet rules = compile(DISPUTE_IN_ONE_SENTENCE);

        assertThat(rules.classify("Morning briefing", "Microsoft reports record cloud revenue. OpenAI launches a new model. "
                + "Amazon faces a lawsuit over warehouse safety.")).isEmpty();
        assertThat(rules.classify("早报", "微软发布新财报。OpenAI推出新模型。亚马逊卷入法律战。")).isEmpty();
        assertThat(rules.classify("早報", "微軟發佈新財報；OpenAI推出新模型；亞馬遜捲入法律戰。")).isEmpty();
    }

    @Test
    void theSameFirmsInOneSentenceWithADisputeWordFire() {
        RuleSet rules = compile(DISPUTE_IN_ONE_SENTENCE);

        assertThat(rules.classify("Morning briefing", "Shares fell. Microsoft sues OpenAI and Amazon over the exclusive cloud deal."))
                .extracting(RuleMatch::ruleId).containsExactly("dispute");
        assertThat(rules.classify("早报", "股市下跌。微软就独家云协议对OpenAI和亚马逊发起法律战。")).hasSize(1);
        assertThat(rules.classify("早報", "股市下跌。微軟就獨家雲協議對OpenAI和亞馬遜發起法律戰。")).hasSize(1);
        assertThat(rules.classify("Microsoft sues OpenAI", "")).as("the title is a sentence too").hasSize(1);
    }

    @Test
    void aMatchSaysWhichSentenceDecidedAndKeepsItsTermOffsets() {
        RuleSet rules = compile(DISPUTE_IN_ONE_SENTENCE);
        String summary = "Shares fell. Microsoft sues OpenAI.";

        RuleMatch match = rules.classify("Amazon news", summary).get(0);

        assertThat(match.within()).isEqualTo(new Passage(Scope.SENTENCE, Field.SUMMARY, 13, summary.length()));
        assertThat(match.terms()).extracting(MatchedTerm::term, MatchedTerm::field, MatchedTerm::start)
                .containsExactly(tuple("Amazon", Field.TITLE, 0), tuple("Microsoft", Field.SUMMARY, 13),
                        tuple("sue~", Field.SUMMARY, 23), tuple("OpenAI", Field.SUMMARY, 28));
    }

    @Test
    void aNearRuleSaysWhichWindowDecided() {
        RuleSet rules = compile("groups: {cloud: [AWS], price: [price hike]}\nrules: [{id: r, all: [cloud, price], near: {chars: 30}}]\n");

        assertThat(rules.classify("Today AWS announces a price hike", "").get(0).within())
                .isEqualTo(new Passage(Scope.NEAR, Field.TITLE, 6, 32));
        assertThat(compile("groups: {a: [alpha]}\nrules: [{id: r, all: [a]}]\n").classify("alpha", "").get(0).within()).isNull();
    }

    @Test
    void aParagraphScopedRuleWantsItsGroupsInOneParagraphAndTheTitleIsOneOfItsOwn() {
        RuleSet rules = compile("""
                groups:
                  microsoft: [Microsoft]
                  openai: [OpenAI]
                rules:
                  - id: together
                    within: paragraph
                    all: [microsoft, openai]
                """);

        assertThat(rules.classify("Microsoft", "OpenAI")).isEmpty();
        assertThat(rules.classify("", "Microsoft spoke.\n\nOpenAI too.")).isEmpty();
        assertThat(rules.classify("", "Microsoft spoke. OpenAI too.")).as("a summary without blank lines is one paragraph").hasSize(1);
    }

    @Test
    void mentionsAskThatAGroupOccurSoOften() {
        RuleSet rules = compile("""
                groups:
                  openai: [OpenAI, ChatGPT, OpenAI Foundation]
                  cloud: [cloud]
                rules:
                  - id: mostly-openai
                    all: [openai, cloud]
                    mentions: {openai: 3}
                """);

        assertThat(rules.classify("OpenAI and the cloud", "OpenAI Foundation again")).as("two terms at one place count once").isEmpty();
        assertThat(rules.classify("OpenAI and the cloud", "ChatGPT, then OpenAI again")).hasSize(1);
    }

    @Test
    void mentionsCountWithinTheRulesSentence() {
        RuleSet rules = compile("""
                groups:
                  openai: [OpenAI]
                  cloud: [cloud]
                rules:
                  - id: r
                    within: sentence
                    all: [openai, cloud]
                    mentions: {openai: 2}
                """);

        assertThat(rules.classify("OpenAI. OpenAI and the cloud.", "")).isEmpty();
        assertThat(rules.classify("OpenAI. OpenAI and the cloud, says OpenAI.", "")).hasSize(1);
    }

    @Test
    void aLeadRuleLooksAtTheTitleAndTheFirstTwoSentencesOfTheSummary() {
        RuleSet rules = compile("""
                groups:
                  microsoft: [Microsoft]
                  openai: [OpenAI]
                  rumour: [rumour]
                rules:
                  - id: lead
                    fields: [lead]
                    all: [microsoft, openai]
                    none: [rumour]
                """);

        assertThat(rules.classify("Microsoft", "One. Two OpenAI. Three rumour.")).hasSize(1);
        assertThat(rules.classify("Microsoft", "One. Two. Three OpenAI.")).isEmpty();
        assertThat(rules.classify("Microsoft", "One rumour. Two OpenAI.")).as("none counts in the lead").isEmpty();
        assertThat(rules.classify("Microsoft", "One. Two OpenAI. Three rumour.").get(0).terms()).extracting(MatchedTerm::term)
                .containsExactly("Microsoft", "OpenAI");
    }

    @Test
    void aConditionWithItsOwnScopeIsLookedForThereAlone() {
        RuleSet rules = compile("""
                groups:
                  microsoft: [Microsoft]
                  openai: [OpenAI]
                  amazon: [Amazon]
                  dispute: [lawsuit]
                rules:
                  - id: firms-in-lead-and-a-dispute-sentence
                    within: sentence
                    atLeast:
                      - {count: 2, of: [microsoft, openai, amazon]}
                      - {count: 2, of: [microsoft, openai, amazon], in: lead}
                    all: [dispute]
                  - id: two-firms-in-a-sentence-the-dispute-anywhere
                    within: sentence
                    atLeast: {count: 2, of: [microsoft, openai, amazon]}
                    all: {of: [dispute], in: anywhere}
                """);

        assertThat(rules.classify("Cloud news", "One. Two. Microsoft and OpenAI in a lawsuit.")).extracting(RuleMatch::ruleId)
                .containsExactly("two-firms-in-a-sentence-the-dispute-anywhere");
        assertThat(rules.classify("Microsoft and Amazon", "One. Two. Microsoft and OpenAI in a lawsuit.")).extracting(RuleMatch::ruleId)
                .containsExactly("firms-in-lead-and-a-dispute-sentence", "two-firms-in-a-sentence-the-dispute-anywhere");
        assertThat(rules.classify("A lawsuit", "Microsoft and OpenAI.")).extracting(RuleMatch::ruleId)
                .containsExactly("two-firms-in-a-sentence-the-dispute-anywhere");
    }

    @Test
    void aBadScopeIsRefusedNamingTheLine() {
        String groups = "groups:\n  a: [alpha]\n  b: [beta]\nrules:\n";
        assertThatThrownBy(() -> compile(groups + "  - id: r\n    within: lead\n    all: [a]\n"))
                .isInstanceOf(RuleFileException.class)
                .hasMessage("test.yaml line 5: rule 'r': within must be sentence or paragraph, not lead (fields and a condition's in say where to look)");
        assertThatThrownBy(() -> compile(groups + "  - id: r\n    within: sentense\n    all: [a]\n"))
                .isInstanceOf(RuleFileException.class)
                .hasMessageStartingWith("test.yaml line 6: ").hasMessageContaining("unknown scope 'sentense'");
        assertThatThrownBy(() -> compile(groups + "  - id: r\n    fields: [sentence]\n    all: [a]\n"))
                .isInstanceOf(RuleFileException.class).hasMessageContaining("fields are title, summary, content or lead, not sentence (use within: sentence)");
        assertThatThrownBy(() -> compile(groups + "  - id: r\n    all: {of: [a], in: paragraph}\n"))
                .isInstanceOf(RuleFileException.class).hasMessage("test.yaml line 5: rule 'r': all.in: paragraph needs the rule's within: "
                        + "paragraph (the conditions without an in of their own hold together there)");
        assertThatThrownBy(() -> compile(groups + "  - id: r\n    fields: [title]\n    all: {of: [a], in: summary}\n"))
                .isInstanceOf(RuleFileException.class).hasMessageContaining("all.in: summary is outside the rule's fields");
        assertThatThrownBy(() -> compile(groups + "  - id: r\n    all: {of: [a], in: content}\n"))
                .as("the default fields are title and summary: a condition in content needs the rule to name it")
                .isInstanceOf(RuleFileException.class).hasMessageContaining("all.in: content is outside the rule's fields");
        assertThatThrownBy(() -> compile(groups + "  - id: r\n    fields: [content]\n    any: {of: [a], in: lead}\n"))
                .isInstanceOf(RuleFileException.class).hasMessageContaining("any.in: lead is outside the rule's fields");
        assertThatThrownBy(() -> compile(groups + "  - id: r\n    all: [a]\n    mentions: {b: 2}\n"))
                .isInstanceOf(RuleFileException.class).hasMessageContaining("mentions name 'b'");
        assertThatThrownBy(() -> compile(groups + "  - id: r\n    within: sentence\n    all: {of: [a], in: title}\n"))
                .isInstanceOf(RuleFileException.class).hasMessageContaining("within: sentence binds no condition");
        assertThatThrownBy(() -> compile(groups + "  - id: r\n    all: {in: lead}\n    any: [a]\n"))
                .isInstanceOf(RuleFileException.class).hasMessageContaining("all with an in needs its groups in of: {of: [groups], in: lead}");
    }
}
