package dev.newsalerts.classifier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void anUnknownGroupIsNamed() {
        assertThatThrownBy(() -> compile("groups: {a: [alpha]}\nrules: [{id: r, all: [a, b]}]\n"))
                .isInstanceOf(RuleFileException.class)
                .hasMessageContaining("rule 'r'").hasMessageContaining("unknown group 'b'");
    }

    @Test
    void aYamlErrorNamesTheLine() {
        assertThatThrownBy(() -> compile("groups:\n  a: [alpha]\nrules:\n  - id: r\n    all: [a\n"))
                .isInstanceOf(RuleFileException.class)
                .hasMessageMatching("(?s)test.yaml at line \\d+: .*");
    }

    @Test
    void aMisspelledKeyIsRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> compile("groups: {a: [alpha]}\nrules: [{id: r, alll: [a]}]\n"))
                .isInstanceOf(RuleFileException.class).hasMessageContaining("alll");
    }

    @Test
    void aRuleWithoutConditionsIsRefused() {
        assertThatThrownBy(() -> compile("groups: {a: [alpha]}\nrules: [{id: r, none: [a]}]\n"))
                .isInstanceOf(RuleFileException.class).hasMessageContaining("needs at least one of all, any or atLeast");
    }
}
