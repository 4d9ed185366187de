package dev.newsalerts.classifier.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
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

    /**
     * Terms shared by several groups (and repeated within one) are found once by the automaton and
     * reported for each: the reported terms, their order included, are those of a naive search
     * that visits the folded text char by char and, at each char, the terms ending there that need
     * no end boundary before those that do, longest first, in rule-file order.
     */
    @Test
    void termsSharedByGroupsAreReportedInTheOrderOfANaiveSearch() {
        Random random = new Random(20261123);
        for (int round = 0; round < 300; round++) {
            List<String> pool = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String term = randomText(random, 1 + random.nextInt(3)).strip();
                if (!term.isEmpty() && !term.equals("-")) {
                    pool.add(term);
                }
            }
            if (pool.isEmpty()) {
                continue;
            }
            List<List<String>> groups = new ArrayList<>();
            for (int g = 0; g < 4; g++) {
                List<String> group = new ArrayList<>();
                for (int t = 1 + random.nextInt(4); t > 0; t--) {
                    String term = pool.get(random.nextInt(pool.size()));
                    group.add(random.nextInt(4) == 0 ? term + "*" : term);
                }
                groups.add(group);
            }
            // g1 and g3 named by enough other rules to be shared groups (RuleFeeds), g0 and g2 not
            RuleSet rules = RuleSet.compile(sharedRuleFile(groups).getBytes(StandardCharsets.UTF_8), "shared.yaml");
            for (int story = 0; story < 20; story++) {
                String title = randomText(random, random.nextInt(25));
                String summary = randomText(random, random.nextInt(25));
                List<MatchedTerm> expected = naiveInOrder(groups, title, summary);
                List<RuleMatch> matches = rules.classify(title, summary);
                List<MatchedTerm> actual = matches.isEmpty() ? List.of() : matches.get(0).terms();
                assertThat(actual).as("groups %s in '%s' / '%s'", groups, title, summary).isEqualTo(expected);
                boolean sharedFound = expected.stream().anyMatch(hit -> hit.group().equals("g1") || hit.group().equals("g3"));
                assertThat(matches).as("the rules naming only g1 and g3").hasSize(sharedFound ? 1 + RuleFeeds.MAX_DIRECT_RULES : expected.isEmpty() ? 0 : 1);
            }
        }
    }

    private static String sharedRuleFile(List<List<String>> groups) {
        StringBuilder yaml = new StringBuilder("groups:\n");
        for (int g = 0; g < groups.size(); g++) {
            yaml.append("  g").append(g).append(": [");
            for (int i = 0; i < groups.get(g).size(); i++) {
                yaml.append(i == 0 ? "" : ", ").append('"').append(groups.get(g).get(i)).append('"');
            }
            yaml.append("]\n");
        }
        yaml.append("rules:\n  - id: r\n    any: [g0, g1, g2, g3]\n");
        for (int other = 0; other < RuleFeeds.MAX_DIRECT_RULES; other++) {
            yaml.append("  - id: other").append(other).append("\n    any: [g1, g3]\n");
        }
        return yaml.toString();
    }

    private static List<MatchedTerm> naiveInOrder(List<List<String>> groups, String title, String summary) {
        List<Term> terms = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            for (String written : groups.get(g)) {
                terms.add(Term.of(written, g));
            }
        }
        List<Term> byLength = new ArrayList<>(terms); // stable: rule-file order within a length
        byLength.sort(Comparator.comparingInt((Term term) -> term.folded().length()).reversed());
        List<MatchedTerm> hits = new ArrayList<>();
        for (Field field : Field.values()) {
            String text = field == Field.TITLE ? title : summary;
            StringBuilder folded = new StringBuilder();
            List<Integer> origin = new ArrayList<>();
            List<Integer> endOf = new ArrayList<>();
            for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
                int next = text.offsetByCodePoints(i, 1);
                for (char c : TextFolding.fold(text.substring(i, next)).toCharArray()) {
                    folded.append(c);
                    origin.add(i);
                    endOf.add(next);
                }
            }
            for (int end = 0; end < folded.length(); end++) {
                for (boolean endBoundary : new boolean[] {false, true}) {
                    for (Term term : byLength) {
                        int start = end - term.folded().length() + 1;
                        if (term.needsEndBoundary() != endBoundary || start < 0
                                || !folded.substring(start, end + 1).equals(term.folded())) {
                            continue;
                        }
                        boolean startOk = !term.needsStartBoundary() || start == 0
                                || TextFolding.charClass(folded.charAt(start - 1)) != TextFolding.WORD;
                        boolean endOk = !endBoundary || end + 1 == folded.length()
                                || TextFolding.charClass(folded.charAt(end + 1)) != TextFolding.WORD;
                        if (startOk && endOk) {
                            hits.add(new MatchedTerm(term.written(), "g" + term.group(), field, origin.get(start), endOf.get(end)));
                        }
                    }
                }
            }
        }
        // a rule reports its groups' hits group by group, then sorted (stably) into text order
        List<MatchedTerm> reported = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            String group = "g" + g;
            hits.stream().filter(hit -> hit.group().equals(group)).forEach(reported::add);
        }
        reported.sort(Comparator.comparing(MatchedTerm::field).thenComparingInt(MatchedTerm::start).thenComparingInt(MatchedTerm::end));
        return reported;
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
