package dev.newsalerts.classifier.bench;

import dev.newsalerts.classifier.domain.TextFolding;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Deterministic rules and stories for the benchmark: English pseudo-words and Chinese two-character
 * words, rules of two groups of three terms (words, phrases, prefixes) drawn from a keyword
 * vocabulary. Stories mix keyword words with general words that no rule uses (a disjoint
 * vocabulary, disjoint Chinese characters too) in a given share: 1.0 is a stress test where every
 * word is some rule's keyword, 0.1 is closer to news. Words are separated by single spaces and
 * Chinese words simply follow each other, so that whole-word and phrase matching mean the same in
 * both engines.
 */
final class SyntheticCorpus {

    enum Kind { WORD, PHRASE, PREFIX, CHINESE }

    record BenchTerm(String text, Kind kind) {
        String yaml() {
            return kind == Kind.PREFIX ? text + "*" : text;
        }
    }

    record BenchRule(String id, List<List<BenchTerm>> groups) {
    }

    record Story(String title, String summary) {
    }

    private static final String[] CONSONANTS = {"b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u"};

    private final List<String> english;
    private final List<String> generalEnglish;
    private final List<String> chinese;
    private final List<String> generalChinese;

    SyntheticCorpus(long seed) {
        Random random = new Random(seed);
        List<String> words = englishWords(random, 24_000);
        english = words.subList(0, 4_000);
        generalEnglish = words.subList(4_000, words.size());
        List<Character> hanzi = new ArrayList<>();
        for (char c = 0x4E00; c < 0x9FA5 && hanzi.size() < 3_000; c += 3) {
            if (TextFolding.fold(String.valueOf(c)).equals(String.valueOf(c))) {
                hanzi.add(c); // already simplified: both engines see the same character
            }
        }
        chinese = chineseWords(random, hanzi.subList(0, 1_500), 3_000);
        generalChinese = chineseWords(random, hanzi.subList(1_500, hanzi.size()), 10_000);
    }

    private static List<String> englishWords(Random random, int count) {
        Set<String> words = new LinkedHashSet<>();
        while (words.size() < count) {
            StringBuilder word = new StringBuilder();
            int syllables = 2 + random.nextInt(3);
            for (int s = 0; s < syllables; s++) {
                word.append(CONSONANTS[random.nextInt(CONSONANTS.length)]).append(VOWELS[random.nextInt(VOWELS.length)]);
            }
            words.add(word.toString());
        }
        return List.copyOf(words);
    }

    private static List<String> chineseWords(Random random, List<Character> characters, int count) {
        Set<String> pairs = new LinkedHashSet<>();
        while (pairs.size() < count) {
            pairs.add("" + characters.get(random.nextInt(characters.size())) + characters.get(random.nextInt(characters.size())));
        }
        return List.copyOf(pairs);
    }

    /** {@code count} rules, half English, half Chinese, each needing one term of each of its two groups. */
    List<BenchRule> rules(int count, long seed) {
        Random random = new Random(seed);
        List<BenchRule> rules = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            boolean inChinese = r % 2 == 1;
            List<List<BenchTerm>> groups = new ArrayList<>();
            for (int g = 0; g < 2; g++) {
                List<BenchTerm> terms = new ArrayList<>();
                for (int t = 0; t < 3; t++) {
                    terms.add(inChinese ? chineseTerm(random) : englishTerm(random));
                }
                groups.add(terms);
            }
            rules.add(new BenchRule("r" + r, groups));
        }
        return rules;
    }

    /** Stories in {@code language} (en, zh or mixed) where a {@code keywordShare} of the words are keyword words. */
    List<Story> stories(String language, double keywordShare, int count, long seed) {
        Random random = new Random(seed);
        List<Story> stories = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            stories.add(new Story(text(language, keywordShare, random, 12, 30), text(language, keywordShare, random, 45, 110)));
        }
        return stories;
    }

    /** The rules as a rule file of news-alerts. */
    static String yaml(List<BenchRule> rules) {
        return yaml(rules, "");
    }

    /** The rules as a rule file of news-alerts, each with {@code more} (YAML lines of a rule, e.g. "    within: sentence\n"). */
    static String yaml(List<BenchRule> rules, String more) {
        StringBuilder yaml = new StringBuilder("groups:\n");
        for (BenchRule rule : rules) {
            for (int g = 0; g < rule.groups().size(); g++) {
                yaml.append("  ").append(rule.id()).append('g').append(g).append(": [");
                List<BenchTerm> terms = rule.groups().get(g);
                for (int t = 0; t < terms.size(); t++) {
                    yaml.append(t == 0 ? "" : ", ").append('"').append(terms.get(t).yaml()).append('"');
                }
                yaml.append("]\n");
            }
        }
        yaml.append("rules:\n");
        for (BenchRule rule : rules) {
            yaml.append("  - id: ").append(rule.id()).append("\n    all: [").append(rule.id()).append("g0, ")
                    .append(rule.id()).append("g1]\n").append(more);
        }
        return yaml.toString();
    }

    private BenchTerm englishTerm(Random random) {
        int kind = random.nextInt(10);
        String word = english.get(random.nextInt(english.size()));
        if (kind < 2) {
            return new BenchTerm(word + " " + english.get(random.nextInt(english.size())), Kind.PHRASE);
        }
        if (kind < 3 && word.length() > 5) {
            return new BenchTerm(word.substring(0, word.length() - 2), Kind.PREFIX);
        }
        return new BenchTerm(word, Kind.WORD);
    }

    private BenchTerm chineseTerm(Random random) {
        String word = chinese.get(random.nextInt(chinese.size()));
        return new BenchTerm(random.nextInt(5) == 0 ? word + chinese.get(random.nextInt(chinese.size())).charAt(0) : word,
                Kind.CHINESE);
    }

    /** English words (some capitalised), Chinese words, or both, up to {@code minChars}..{@code maxChars}. */
    private String text(String language, double keywordShare, Random random, int minChars, int maxChars) {
        int length = minChars + random.nextInt(maxChars - minChars);
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            boolean inChinese = language.equals("zh") || language.equals("mixed") && random.nextBoolean();
            boolean keyword = random.nextDouble() < keywordShare;
            if (inChinese) {
                List<String> vocabulary = keyword ? chinese : generalChinese;
                text.append(vocabulary.get(random.nextInt(vocabulary.size())));
            } else {
                List<String> vocabulary = keyword ? english : generalEnglish;
                String word = vocabulary.get(random.nextInt(vocabulary.size()));
                if (text.length() > 0) {
                    text.append(' ');
                }
                text.append(random.nextInt(6) == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
                text.append(' ');
            }
        }
        return text.toString().strip();
    }
}
