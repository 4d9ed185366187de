package dev.newsalerts.classifier.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The one-pass automaton finds exactly what a naive search of every term at every offset finds. */
class AutomatonAgainstBruteForceTest {

    private static final String[] ALPHABET = {"a", "b", "A", "ａ", " ", "-", "云", "雲", "价", "ß", "s", "😀"};

    @Test
    void randomTermsInRandomTextsAreFoundExactlyWhereANaiveSearchFindsThem() {
        Random random = new Random(20261122);
        for (int round = 0; round < 300; round++) {
            List<String> terms = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                String term = randomText(random, 1 + random.nextInt(3)).strip();
                if (!term.isEmpty() && !term.equals("-")) {
                    terms.add(random.nextInt(5) == 0 ? term + "*" : term);
                }
            }
            if (terms.isEmpty()) {
                continue;
            }
            RuleSet rules = RuleSet.compile(ruleFile(terms).getBytes(StandardCharsets.UTF_8), "random.yaml");
            for (int story = 0; story < 20; story++) {
                String text = randomText(random, random.nextInt(25));
                assertThat(found(rules, text)).as("terms %s in '%s'", terms, text).isEqualTo(naive(terms, text));
            }
        }
    }

    private static Set<String> found(RuleSet rules, String text) {
        Set<String> found = new TreeSet<>();
        for (RuleMatch match : rules.classify(text, "")) {
            match.terms().forEach(term -> found.add(term.term() + "@" + term.start()));
        }
        return found;
    }

    /** Every term at every original offset: fold the rest of the text and compare, with the boundary rules. */
    private static Set<String> naive(List<String> terms, String text) {
        Set<String> found = new TreeSet<>();
        for (String written : terms) {
            Term term = Term.of(written, 0);
            for (int start = 0; start < text.length(); start = text.offsetByCodePoints(start, 1)) {
                String before = TextFolding.fold(text.substring(0, start));
                String rest = TextFolding.fold(text.substring(start));
                if (!rest.startsWith(term.folded())) {
                    continue;
                }
                boolean startOk = !term.needsStartBoundary() || before.isEmpty()
                        || TextFolding.charClass(before.charAt(before.length() - 1)) != TextFolding.WORD;
                boolean endOk = !term.needsEndBoundary() || rest.length() == term.folded().length()
                        || TextFolding.charClass(rest.charAt(term.folded().length())) != TextFolding.WORD;
                if (startOk && endOk) {
                    found.add(written + "@" + start);
                }
            }
        }
        return found;
    }

    private static String ruleFile(List<String> terms) {
        StringBuilder yaml = new StringBuilder("groups:\n  g: [");
        for (int i = 0; i < terms.size(); i++) {
            yaml.append(i == 0 ? "" : ", ").append('"').append(terms.get(i)).append('"');
        }
        return yaml.append("]\nrules:\n  - id: r\n    all: [g]\n").toString();
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return text.toString();
    }
}
