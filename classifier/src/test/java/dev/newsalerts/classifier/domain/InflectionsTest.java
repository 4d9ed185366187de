package dev.newsalerts.classifier.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InflectionsTest {

    @Test
    void regularWordsTakeTheirPluralPastAndIngForms() {
        assertThat(Inflections.of("price")).containsExactly("price", "prices", "priced", "pricing", "pricings");
        assertThat(Inflections.of("slash")).containsExactly("slash", "slashes", "slashed", "slashing", "slashings");
        assertThat(Inflections.of("company")).contains("companies", "companied");
        assertThat(Inflections.of("sue")).containsExactly("sue", "sues", "sued", "suing", "suings");
    }

    @Test
    void aFinalConsonantIsDoubledAfterOneShortVowelOnly() {
        assertThat(Inflections.of("drop")).contains("dropped", "dropping");
        assertThat(Inflections.of("quit")).contains("quitting");
        assertThat(Inflections.of("admit")).contains("admitted", "admitting");
        assertThat(Inflections.of("lower")).contains("lowered", "lowering");
        assertThat(Inflections.of("deal")).contains("dealing").doesNotContain("dealling");
        assertThat(Inflections.of("tax")).contains("taxes", "taxed", "taxing");
    }

    @Test
    void theVerbsNewsUsesKeepTheirIrregularPasts() {
        assertThat(Inflections.of("deal")).containsExactly("deal", "deals", "dealt", "dealing", "dealings");
        assertThat(Inflections.of("cut")).containsExactly("cut", "cuts", "cutting", "cuttings");
        assertThat(Inflections.of("pay")).containsExactly("pay", "pays", "paid", "paying", "payings");
        assertThat(Inflections.of("buy")).contains("buys", "bought", "buying");
        assertThat(Inflections.of("sell")).contains("sold");
        assertThat(Inflections.of("win")).contains("won", "winning");
        assertThat(Inflections.of("lose")).contains("lost", "losing");
        assertThat(Inflections.of("take")).contains("took", "taken", "taking");
    }

    @Test
    void aPhraseInflectsItsLastWord() {
        assertThat(Inflections.of("legal action")).contains("legal actions").allMatch(form -> form.startsWith("legal "));
    }

    @Test
    void chineseTermsHaveNoInflections() {
        assertThatThrownBy(() -> Inflections.of("诉讼")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Chinese terms have no inflections");
    }
}
