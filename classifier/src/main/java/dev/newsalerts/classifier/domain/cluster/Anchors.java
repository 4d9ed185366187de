package dev.newsalerts.classifier.domain.cluster;

import dev.newsalerts.classifier.domain.cluster.StoryTokens.Kind;
import dev.newsalerts.classifier.domain.cluster.StoryTokens.Token;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The facts of a story that decide when the wording alone does not: its numbers (normalised, see
 * {@link Numbers}; whole numbers under 10 and years are left out as too common) and its names (Latin-script words written with a capital letter that does not open a
 * sentence, folded: "OpenAI", "Azure", "Bedrock"). A title in title case capitalises every word, so
 * its names count only when they are also named in the lead.
 */
record Anchors(List<String> numbers, List<String> names) {

    /** At most this many of each are kept, so that a long lead does not blow up the stored fingerprint. */
    static final int MAX_EACH = 24;
    /** Capitalised, but every story of a week has them. */
    private static final Set<String> CALENDAR = Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday", "january", "february", "march", "april", "june", "july", "august", "september", "october",
            "november", "december");

    /**
     * Each kept in natural order, once, as a list: every lookup compares a story's anchors with those
     * of many heads ({@link AnchorComparison#evidence}), and every head keeps its own for 72 hours.
     */
    Anchors {
        numbers = List.copyOf(new TreeSet<>(numbers));
        names = List.copyOf(new TreeSet<>(names));
    }

    static Anchors of(List<Token> title, List<Token> lead) {
        SortedSet<String> numbers = new TreeSet<>();
        SortedSet<String> leadNames = new TreeSet<>();
        collect(lead, numbers, leadNames);
        SortedSet<String> titleNames = new TreeSet<>();
        collect(title, numbers, titleNames);
        SortedSet<String> names = new TreeSet<>(leadNames);
        if (!isTitleCase(title)) {
            names.addAll(titleNames);
        }
        return new Anchors(capped(numbers), capped(names));
    }

    private static void collect(List<Token> tokens, SortedSet<String> numbers, SortedSet<String> names) {
        for (Token token : tokens) {
            if (token.kind() == Kind.NUMBER) {
                if (!isWeak(token.folded())) {
                    numbers.add(token.folded());
                }
            } else if (token.named() && Shingles.contentWord(token.folded()) != null && !CALENDAR.contains(token.folded())) {
                names.add(token.folded());
            }
        }
    }

    /** Numbers too common to tell events apart: whole numbers under 10 ("3 regions", "March 1") and years. */
    static boolean isWeak(String number) {
        if (number.indexOf('.') >= 0) {
            return false;
        }
        if (number.length() == 1) {
            return true;
        }
        return number.length() == 4 && (number.startsWith("19") || number.startsWith("20"));
    }

    private static boolean isTitleCase(List<Token> title) {
        long words = title.stream().filter(t -> t.kind() == Kind.WORD && t.folded().length() > 3).count();
        long named = title.stream().filter(t -> t.kind() == Kind.WORD && t.folded().length() > 3 && t.named()).count();
        return words >= 3 && named * 3 >= words * 2;
    }

    private static List<String> capped(SortedSet<String> values) {
        return values.stream().limit(MAX_EACH).toList();
    }
}
