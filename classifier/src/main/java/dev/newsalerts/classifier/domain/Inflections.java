package dev.newsalerts.classifier.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The English forms of a word, for terms written with a trailing {@code ~}: the word itself, its
 * plural or third person (-s, -es, -ies), its past (-ed, -d, -ied, or the irregular forms of a
 * table of verbs news uses), and its -ing form with its plural (-ing, -ings; a silent e dropped, a
 * final consonant doubled after a single stressed vowel). Exact words, not a prefix: {@code deal~}
 * matches "dealings" and "dealt" but not "dealer".
 */
final class Inflections {

    /** Irregular past forms (which replace -ed). */
    private static final Map<String, List<String>> PAST = Map.ofEntries(
            Map.entry("bid", List.of("bid")), Map.entry("break", List.of("broke", "broken")),
            Map.entry("bring", List.of("brought")), Map.entry("build", List.of("built")),
            Map.entry("buy", List.of("bought")), Map.entry("cost", List.of("cost", "costed")),
            Map.entry("cut", List.of("cut")), Map.entry("deal", List.of("dealt")),
            Map.entry("drive", List.of("drove", "driven")), Map.entry("fall", List.of("fell", "fallen")),
            Map.entry("fight", List.of("fought")), Map.entry("forecast", List.of("forecast")),
            Map.entry("freeze", List.of("froze", "frozen")), Map.entry("get", List.of("got", "gotten")),
            Map.entry("give", List.of("gave", "given")), Map.entry("go", List.of("went", "gone")),
            Map.entry("grow", List.of("grew", "grown")), Map.entry("hit", List.of("hit")),
            Map.entry("hold", List.of("held")), Map.entry("keep", List.of("kept")),
            Map.entry("lead", List.of("led")), Map.entry("leave", List.of("left")),
            Map.entry("lend", List.of("lent")), Map.entry("lose", List.of("lost")),
            Map.entry("make", List.of("made")), Map.entry("pay", List.of("paid")),
            Map.entry("put", List.of("put")), Map.entry("quit", List.of("quit")),
            Map.entry("rise", List.of("rose", "risen")), Map.entry("say", List.of("said")),
            Map.entry("seek", List.of("sought")), Map.entry("sell", List.of("sold")),
            Map.entry("set", List.of("set")), Map.entry("shut", List.of("shut")),
            Map.entry("sink", List.of("sank", "sunk")), Map.entry("spend", List.of("spent")),
            Map.entry("split", List.of("split")), Map.entry("strike", List.of("struck", "stricken")),
            Map.entry("take", List.of("took", "taken")), Map.entry("tell", List.of("told")),
            Map.entry("undercut", List.of("undercut")), Map.entry("win", List.of("won")),
            Map.entry("withdraw", List.of("withdrew", "withdrawn")), Map.entry("write", List.of("wrote", "written")));
    /** Words of more than one syllable stressed on the last, which double their final consonant. */
    private static final Set<String> DOUBLING = Set.of("admit", "commit", "compel", "control", "occur", "omit", "patrol",
            "permit", "prefer", "propel", "rebut", "refer", "regret", "submit", "transfer", "undercut", "upset", "begin",
            "forget", "outbid", "overrun", "acquit", "expel", "equip");

    private Inflections() {
    }

    /**
     * The forms of {@code term}, itself first: its last word inflected, the words before it kept
     * ({@code legal action} makes "legal actions").
     *
     * @throws IllegalArgumentException when the last word is not an English word of two letters or more
     */
    static List<String> of(String term) {
        int space = term.lastIndexOf(' ');
        String head = term.substring(0, space + 1);
        String word = term.substring(space + 1);
        if (word.length() < 2 || !word.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
            throw new IllegalArgumentException("'" + term + "~': ~ makes the forms of an English word, and '" + word
                    + "' is not one (Chinese terms have no inflections: write them without ~)");
        }
        Set<String> forms = new LinkedHashSet<>();
        for (String form : forms(word.toLowerCase(Locale.ROOT))) {
            forms.add(head + form);
        }
        return List.copyOf(forms);
    }

    private static List<String> forms(String word) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(word);
        forms.add(plural(word));
        List<String> past = PAST.get(word);
        if (past == null) {
            forms.add(past(word));
        } else {
            forms.addAll(past);
        }
        String ing = ing(word);
        forms.add(ing);
        forms.add(ing + "s");
        return List.copyOf(forms);
    }

    private static String plural(String word) {
        if (endsWithConsonantY(word)) {
            return stem(word, 1) + "ies";
        }
        if (word.endsWith("s") || word.endsWith("x") || word.endsWith("z") || word.endsWith("ch") || word.endsWith("sh")
                || word.endsWith("o") && !isVowel(word.charAt(word.length() - 2))) {
            return word + "es";
        }
        return word + "s";
    }

    private static String past(String word) {
        if (word.endsWith("e")) {
            return word + "d";
        }
        if (endsWithConsonantY(word)) {
            return stem(word, 1) + "ied";
        }
        return doubled(word) + "ed";
    }

    private static String ing(String word) {
        if (word.endsWith("ie")) {
            return stem(word, 2) + "ying";
        }
        if (word.endsWith("e") && !word.endsWith("ee") && !word.endsWith("oe") && !word.endsWith("ye") && word.length() > 2) {
            return stem(word, 1) + "ing";
        }
        return doubled(word) + "ing";
    }

    /** The word with its final consonant doubled where English doubles it before -ed and -ing. */
    private static String doubled(String word) {
        char last = word.charAt(word.length() - 1);
        boolean doubles = DOUBLING.contains(word) || vowelGroups(word) == 1 && endsConsonantVowelConsonant(word);
        return doubles && "wxy".indexOf(last) < 0 ? word + last : word;
    }

    private static boolean endsConsonantVowelConsonant(String word) {
        int n = word.length();
        if (n < 3 || isVowel(word.charAt(n - 1)) || !isVowel(word.charAt(n - 2))) {
            return false;
        }
        char before = word.charAt(n - 3);
        return !isVowel(before) || before == 'u' && n >= 4 && word.charAt(n - 4) == 'q'; // quit: the u of qu is no vowel
    }

    private static int vowelGroups(String word) {
        int groups = 0;
        boolean previous = false;
        for (int i = 0; i < word.length(); i++) {
            boolean vowel = isVowel(word.charAt(i)) && !(word.charAt(i) == 'u' && i > 0 && word.charAt(i - 1) == 'q');
            if (vowel && !previous) {
                groups++;
            }
            previous = vowel;
        }
        return groups;
    }

    private static boolean endsWithConsonantY(String word) {
        return word.endsWith("y") && !isVowel(word.charAt(word.length() - 2));
    }

    private static boolean isVowel(char c) {
        return "aeiou".indexOf(c) >= 0;
    }

    private static String stem(String word, int drop) {
        return word.substring(0, word.length() - drop);
    }
}
