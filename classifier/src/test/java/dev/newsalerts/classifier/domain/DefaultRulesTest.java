package dev.newsalerts.classifier.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsalerts.classifier.quality.RuleScores;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the bundled rules catch and what they leave alone (DOMAIN.md). */
class DefaultRulesTest {

    static RuleSet rules;

    @BeforeAll
    static void loadBundledRules() {
        rules = RuleScores.bundledRules();
    }


    static List<String> firedRules(String title, String summary) {
        return rules.classify(title, summary).stream().map(RuleMatch::ruleId).toList();
    }

    @Test
    void theDisputeIsCaughtInEnglish() {
        assertThat(firedRules("Microsoft weighs legal action over OpenAI's $50B Amazon deal",
                "Azure remains the exclusive cloud for stateless OpenAI APIs, Microsoft says."))
                .contains("ms-openai-amazon-dispute");
    }

    @Test
    void theDisputeIsCaughtInSimplifiedAndTraditionalChinese() {
        assertThat(firedRules("微软考虑就OpenAI与亚马逊的协议采取法律行动", "")).contains("ms-openai-amazon-dispute");
        assertThat(firedRules("微軟與OpenAI重新談判獨家協議，亞馬遜入局", "")).contains("ms-openai-amazon-dispute");
    }

    @Test
    void fullWidthLettersAreTheSameLetters() {
        assertThat(firedRules("Ｍｉｃｒｏｓｏｆｔ and ＯｐｅｎＡＩ renegotiate their exclusive contract", ""))
                .contains("ms-openai-amazon-dispute");
    }

    @Test
    void cloudPriceChangesAreCaughtInBothLanguages() {
        assertThat(firedRules("阿里云宣布部分云服务器产品涨价", "")).contains("cloud-pricing");
        assertThat(firedRules("AWS raises prices for EC2 GPU instances", "")).contains("cloud-pricing");
        assertThat(firedRules("騰訊雲下調價格", "")).contains("cloud-pricing");
    }

    @Test
    void namesThatMerelyAppearTogetherDoNotFire() {
        assertThat(firedRules("Microsoft, OpenAI and Amazon sign AI safety pledge at Seoul summit", "")).isEmpty();
        assertThat(firedRules("Apple unveils new iPhone colours", "Prices start at $799.")).isEmpty();
    }

    @Test
    void theAmazonRiverIsNotAmazonTheCompany() {
        assertThat(firedRules("Microsoft and OpenAI fund Amazon rainforest sensors in new deal", "")).isEmpty();
    }

    @Test
    void weatherCloudsAreNotCloudPrices() {
        assertThat(firedRules("Cloud seeding raises prices of crop insurance", "")).isEmpty();
    }

    @Test
    void latinTermsMatchWholeWordsOnly() {
        assertThat(firedRules("New laws on data centers", "Microsoft and OpenAI issue a joint statement")).isEmpty();
    }

    @Test
    void eachMatchedTermPointsAtItsTextInTheOriginal() {
        String title = "微軟與 ＯｐｅｎＡＩ 的獨家協議";
        RuleMatch match = rules.classify(title, "").get(0);

        assertThat(match.terms()).isNotEmpty();
        for (MatchedTerm term : match.terms()) {
            assertThat(term.field()).isEqualTo(Field.TITLE);
            String matched = title.substring(term.start(), term.end());
            assertThat(TextFolding.fold(matched)).isEqualTo(TextFolding.fold(term.term().replace("*", "")));
        }
        assertThat(match.terms()).extracting(MatchedTerm::term).contains("微软", "OpenAI", "独家", "协议");
    }
}
