package dev.newsalerts.classifier.domain;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.text.StringCharacterIterator;
import java.util.Arrays;

/**
 * Where the sentences of a text end: ICU4J's sentence rules (both scripts: 。！？ and . ! ? not
 * followed by a lower-case word or a digit, so "3.5" and "U.S. regulators" stay whole; a line
 * break ends a sentence), plus an end after a full-width semicolon ；, one before a bullet (• ● ■ ◆
 * ▶ ►), and none after the common abbreviations of news ("Mr.", "Dr.", "U.S.", "e.g.", "Inc.",
 * an initial like "J."). One instance per thread: it keeps ICU's iterator and reuses it, story after story.
 */
final class Sentences {

    private static final String[] ABBREVIATIONS = {"Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "St.", "Sen.", "Rep.", "Gov.",
        "Gen.", "Lt.", "Col.", "Capt.", "Sgt.", "Jr.", "Sr.", "Inc.", "Corp.", "Co.", "Ltd.", "Bros.", "No.", "vs.", "v.",
        "e.g.", "i.e.", "U.S.", "U.K.", "U.N.", "E.U.", "Jan.", "Feb.", "Mar.", "Apr.", "Aug.", "Sep.", "Sept.", "Oct.",
        "Nov.", "Dec.", "approx.", "Mt.", "Ave.", "Fig.", "Dept.", "Est."};
    private static final String BULLETS = "•●■◆▶►▪";
    private static final char FULL_WIDTH_SEMICOLON = '；';

    private final BreakIterator breaks = BreakIterator.getSentenceInstance(ULocale.ROOT);
    private final StringCharacterIterator chars = new StringCharacterIterator("");

    /** The end offsets of the sentences of {@code text}, ascending, the last its length, into {@code ends} (grown if need be). */
    Ends of(String text, Ends ends) {
        ends.count = 0;
        if (text.isEmpty()) {
            return ends;
        }
        chars.setText(text);
        breaks.setText(chars);
        int scanned = 0;
        for (int end = breaks.next(); end != BreakIterator.DONE; end = breaks.next()) {
            for (int i = scanned; i < end; i++) {
                char c = text.charAt(i);
                if (c == FULL_WIDTH_SEMICOLON && i + 1 < end) {
                    ends.add(i + 1);
                } else if (BULLETS.indexOf(c) >= 0 && i > ends.last()) {
                    ends.add(i);
                }
            }
            if (ends.count > 0 && isBlank(text, scanned, end)) {
                ends.at[ends.count - 1] = end; // the blank lines between paragraphs belong to the sentence before them
            } else if (end == text.length() || !afterAbbreviation(text, end)) {
                ends.add(end);
            }
            scanned = end;
        }
        return ends;
    }

    private static boolean isBlank(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the text before {@code end} (spaces aside) is one of the abbreviations, or an initial. */
    private static boolean afterAbbreviation(String text, int end) {
        int dot = end - 1;
        while (dot > 0 && Character.isWhitespace(text.charAt(dot))) {
            dot--;
        }
        if (text.charAt(dot) != '.') {
            return false;
        }
        int from = dot;
        while (from > 0 && (Character.isLetter(text.charAt(from - 1)) || text.charAt(from - 1) == '.')) {
            from--;
        }
        int length = dot + 1 - from;
        if (length == 2 && Character.isUpperCase(text.charAt(from))) {
            return true;
        }
        for (String abbreviation : ABBREVIATIONS) {
            if (abbreviation.length() == length && text.regionMatches(from, abbreviation, 0, length)) {
                return true;
            }
        }
        return false;
    }

    /** Where the paragraphs of {@code text} end: after a blank line (two line breaks, spaces between) or a U+2029. */
    static Ends paragraphsOf(String text, Ends ends) {
        ends.count = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u2029') {
                ends.add(i + 1);
            } else if (c == '\n') {
                int j = i + 1;
                while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t' || text.charAt(j) == '\r')) {
                    j++;
                }
                if (j < text.length() && text.charAt(j) == '\n') {
                    while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
                        j++;
                    }
                    if (j < text.length()) {
                        ends.add(j);
                    }
                    i = j - 1;
                }
            }
        }
        if (!text.isEmpty() && ends.last() < text.length()) {
            ends.add(text.length());
        }
        return ends;
    }

    /** End offsets, ascending: a reusable buffer. */
    static final class Ends {
        int[] at = new int[16];
        int count;

        void add(int end) {
            if (count == at.length) {
                at = Arrays.copyOf(at, count * 2);
            }
            at[count++] = end;
        }

        int last() {
            return count == 0 ? 0 : at[count - 1];
        }

        /** The index of the unit holding {@code offset}: the first whose end is after it (the last for offsets past the end). */
        int indexOf(int offset) {
            int low = 0;
            int high = count - 1;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (at[middle] > offset) {
                    high = middle;
                } else {
                    low = middle + 1;
                }
            }
            return low;
        }

        int startOf(int index) {
            return index == 0 ? 0 : at[index - 1];
        }
    }
}
