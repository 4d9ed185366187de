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
            // g1 and g3 named by enough other rules to be shared groups (RuleFeeds), g0 and g2 not;
            // every other round the rules name content, else the story's content must go unseen
            boolean content = round % 2 == 0;
            RuleSet rules = RuleSet.compile(sharedRuleFile(groups, content).getBytes(StandardCharsets.UTF_8), "shared.yaml");
            for (int story = 0; story < 20; story++) {
                String title = randomText(random, random.nextInt(25));
                String summary = randomText(random, random.nextInt(25));
                String text = random.nextInt(4) == 0 ? null : randomText(random, random.nextInt(40));
                List<MatchedTerm> expected = naiveInOrder(groups, title, summary, content ? text : null);
                List<RuleMatch> matches = rules.classify(title, summary, text);
                List<MatchedTerm> actual = matches.isEmpty() ? List.of() : matches.get(0).terms();
                assertThat(actual).as("groups %s in '%s' / '%s' / '%s' (content looked at: %s)", groups, title, summary, text, content)
                        .isEqualTo(expected);
                boolean sharedFound = expected.stream().anyMatch(hit -> hit.group().equals("g1") || hit.group().equals("g3"));
                assertThat(matches).as("the rules naming only g1 and g3").hasSize(sharedFound ? 1 + RuleFeeds.MAX_DIRECT_RULES : expected.isEmpty() ? 0 : 1);
            }
        }
    }

    private static String sharedRuleFile(List<List<String>> groups, boolean content) {
        StringBuilder yaml = new StringBuilder("groups:\n");
        for (int g = 0; g < groups.size(); g++) {
            yaml.append("  g").append(g).append(": [");
            for (int i = 0; i < groups.get(g).size(); i++) {
                yaml.append(i == 0 ? "" : ", ").append('"').append(groups.get(g).get(i)).append('"');
            }
            yaml.append("]\n");
        }
        String fields = content ? "    fields: [title, summary, content]\n" : "";
        yaml.append("rules:\n  - id: r\n    any: [g0, g1, g2, g3]\n").append(fields);
        for (int other = 0; other < RuleFeeds.MAX_DIRECT_RULES; other++) {
            yaml.append("  - id: other").append(other).append("\n    any: [g1, g3]\n").append(fields);
        }
        return yaml.toString();
    }

    /** @param content null where the rules do not look at it (or the story has none) */
    private static List<MatchedTerm> naiveInOrder(List<List<String>> groups, String title, String summary, String content) {
        List<Term> terms = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            for (String written : groups.get(g)) {
                terms.add(Term.of(written, g));
            }
        }
        List<Term> byLength = new ArrayList<>(terms); // stable: rule-file order within a length
        byLength.sort(Comparator.comparingInt((Term term) -> term.folded().length()).reversed());
        List<MatchedTerm> hits = new ArrayList<>();
        String[] texts = {title, summary, content == null ? "" : content};
        for (Field field : Field.values()) {
            String text = texts[field.ordinal()];
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
    private static final String[] SCOPED_ALPHABET = {"a", "b", "A", "云", "价", " ", " ", ". ", "。", "；", "\n\n", "Mr. ", "3.5", "ab", "! "};
    private static final String[] SCOPED_TERMS = {"a", "b", "ab", "a b", "云", "价", "云价"};

    /**
     * Rules with the lead, sentences, paragraphs, conditions with places of their own, mentions and
     * near windows fire exactly where a naive evaluation of their definition ({@link NaiveScopes})
     * on the occurrences of a naive search says they do.
     */
    @Test
    void scopedRulesFireExactlyWhereANaiveEvaluationOfTheirDefinitionSaysSo() {
        Random random = new Random(20261202);
        int fired = 0;
        int checked = 0;
        for (int round = 0; round < 300; round++) {
            List<List<String>> groups = new ArrayList<>();
            for (int g = 0; g < 4; g++) {
                List<String> group = new ArrayList<>();
                for (int t = 1 + random.nextInt(2); t > 0; t--) {
                    group.add(SCOPED_TERMS[random.nextInt(SCOPED_TERMS.length)]);
                }
                groups.add(group);
            }
            StringBuilder yaml = new StringBuilder(groupsYaml(groups)).append("rules:\n");
            List<NaiveScopes.ScopedRule> naiveRules = new ArrayList<>();
            for (int r = 0; r < 6; r++) {
                naiveRules.add(randomScopedRule(random, r, yaml));
            }
            RuleSet rules = RuleSet.compile(yaml.toString().getBytes(StandardCharsets.UTF_8), "scoped.yaml");
            for (int story = 0; story < 20; story++) {
                String title = randomText(random, SCOPED_ALPHABET, random.nextInt(8));
                String summary = randomText(random, SCOPED_ALPHABET, random.nextInt(30));
                String content = random.nextInt(4) == 0 ? null : randomText(random, SCOPED_ALPHABET, random.nextInt(40));
                List<NaiveScopes.Occurrence> occurrences = naiveOccurrences(groups, title, summary, content == null ? "" : content);
                Set<String> expected = new TreeSet<>();
                for (int r = 0; r < naiveRules.size(); r++) {
                    if (NaiveScopes.fires(naiveRules.get(r), occurrences, title, summary, content == null ? "" : content)) {
                        expected.add("r" + r);
                    }
                }
                Set<String> actual = new TreeSet<>(rules.classify(title, summary, content).stream().map(RuleMatch::ruleId).toList());
                assertThat(actual).as("%s%nstory '%s' / '%s' / '%s'", yaml, title, summary, content).isEqualTo(expected);
                fired += expected.size();
                checked += naiveRules.size();
            }
        }
        assertThat(fired).as("rules that fired, of %d", checked).isBetween(checked / 10, checked * 9 / 10);
    }

    /** Appends a random rule with scopes to {@code yaml}, and returns it for {@link NaiveScopes}. */
    private static NaiveScopes.ScopedRule randomScopedRule(Random random, int r, StringBuilder yaml) {
        List<List<Scope>> fieldChoices = List.of(List.of(Scope.TITLE, Scope.SUMMARY), List.of(Scope.TITLE), List.of(Scope.SUMMARY),
                List.of(Scope.LEAD), List.of(Scope.SUMMARY, Scope.LEAD), List.of(Scope.TITLE, Scope.SUMMARY, Scope.CONTENT),
                List.of(Scope.CONTENT), List.of(Scope.LEAD, Scope.CONTENT), List.of(Scope.TITLE, Scope.CONTENT));
        List<Scope> fields = fieldChoices.get(random.nextInt(fieldChoices.size()));
        Scope within = new Scope[] {null, Scope.SENTENCE, Scope.PARAGRAPH}[random.nextInt(3)];
        List<Scope> places = new ArrayList<>(List.of(Scope.ANYWHERE));
        if (!fields.equals(List.of(Scope.CONTENT))) {
            places.add(Scope.LEAD);
        }
        if (fields.contains(Scope.TITLE) || fields.contains(Scope.LEAD)) {
            places.add(Scope.TITLE);
        }
        if (fields.contains(Scope.SUMMARY) || fields.contains(Scope.LEAD)) {
            places.add(Scope.SUMMARY);
        }
        if (fields.contains(Scope.CONTENT)) {
            places.add(Scope.CONTENT);
        }
        Scope atLeastIn = random.nextBoolean() ? null : places.get(random.nextInt(places.size()));
        int count = 1 + random.nextInt(2);
        int allGroup = random.nextInt(3);
        int[] mentions = {1, 1, 1, 1};
        mentions[random.nextInt(3)] = 1 + random.nextInt(3);
        int nearChars = 0;
        int nearWords = 0;
        int near = random.nextInt(4);
        if (near == 1) {
            nearChars = 3 + random.nextInt(12);
        } else if (near == 2) {
            nearWords = 1 + random.nextInt(4);
        }
        boolean none = random.nextInt(3) == 0;
        yaml.append("  - id: r").append(r).append("\n    fields: ").append(fields.stream().map(Scope::jsonName).toList()).append('\n');
        if (within != null) {
            yaml.append("    within: ").append(within.jsonName()).append('\n');
        }
        yaml.append("    atLeast: {count: ").append(count).append(", of: [g0, g1, g2]")
                .append(atLeastIn == null ? "" : ", in: " + atLeastIn.jsonName()).append("}\n");
        yaml.append("    all: [g").append(allGroup).append("]\n");
        yaml.append("    mentions: {g0: ").append(mentions[0]).append(", g1: ").append(mentions[1]).append(", g2: ").append(mentions[2]).append("}\n");
        if (none) {
            yaml.append("    none: [g3]\n");
        }
        if (nearChars > 0 || nearWords > 0) {
            yaml.append("    near: {").append(nearChars > 0 ? "chars: " + nearChars : "words: " + nearWords).append("}\n");
        }
        List<NaiveScopes.Condition> conditions = List.of(new NaiveScopes.Condition(List.of(0, 1, 2), count, atLeastIn),
                new NaiveScopes.Condition(List.of(allGroup), 1, null));
        return new NaiveScopes.ScopedRule(fields, within, conditions, none ? List.of(3) : List.of(), mentions, nearChars, nearWords);
    }

    /** Every occurrence of every group's terms, with the number of the word it starts as the scan counts words. */
    private static List<NaiveScopes.Occurrence> naiveOccurrences(List<List<String>> groups, String title, String summary, String content) {
        List<NaiveScopes.Occurrence> occurrences = new ArrayList<>();
        String[] texts = {title, summary, content};
        for (int field = 0; field < texts.length; field++) {
            String text = texts[field];
            StringBuilder folded = new StringBuilder();
            List<Integer> origin = new ArrayList<>();
            List<Integer> endOf = new ArrayList<>();
            List<Integer> wordOf = new ArrayList<>();
            int words = 0;
            boolean previousIsWord = false;
            for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
                int next = text.offsetByCodePoints(i, 1);
                for (char c : TextFolding.fold(text.substring(i, next)).toCharArray()) {
                    byte kind = TextFolding.charClass(c);
                    if (kind == TextFolding.CJK || kind == TextFolding.WORD && !previousIsWord) {
                        words++;
                    }
                    previousIsWord = kind == TextFolding.WORD;
                    folded.append(c);
                    origin.add(i);
                    endOf.add(next);
                    wordOf.add(words);
                }
            }
            for (int g = 0; g < groups.size(); g++) {
                for (String written : new TreeSet<>(groups.get(g))) {
                    Term term = Term.of(written, g);
                    for (int start = folded.indexOf(term.folded()); start >= 0; start = folded.indexOf(term.folded(), start + 1)) {
                        int end = start + term.folded().length() - 1;
                        boolean startOk = !term.needsStartBoundary() || start == 0
                                || TextFolding.charClass(folded.charAt(start - 1)) != TextFolding.WORD;
                        boolean endOk = !term.needsEndBoundary() || end + 1 == folded.length()
                                || TextFolding.charClass(folded.charAt(end + 1)) != TextFolding.WORD;
                        if (startOk && endOk) {
                            occurrences.add(new NaiveScopes.Occurrence(g, field, origin.get(start), endOf.get(end), wordOf.get(start)));
                        }
                    }
                }
            }
        }
        return occurrences;
    }

    private static String groupsYaml(List<List<String>> groups) {
        StringBuilder yaml = new StringBuilder("groups:\n");
        for (int g = 0; g < groups.size(); g++) {
            yaml.append("  g").append(g).append(": [");
            for (int i = 0; i < groups.get(g).size(); i++) {
                yaml.append(i == 0 ? "" : ", ").append('"').append(groups.get(g).get(i)).append('"');
            }
            yaml.append("]\n");
        }
        return yaml.toString();
    }

    private static String randomText(Random random, String[] alphabet, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return text.toString();
    }
}
