package dev.newsalerts.classifier.domain;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Text folded for matching, with a map back to the original's character offsets. Folding is
 * Unicode NFKC with case folding (full-width ＯｐｅｎＡＩ is openai) followed by traditional to
 * simplified Chinese (微軟 is 微软), applied one code point at a time so offsets stay exact.
 */
public final class FoldedText {

    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
    private static final Transliterator TRADITIONAL_TO_SIMPLIFIED = Transliterator.getInstance("Traditional-Simplified");
    private static final Map<Integer, String> FOLDED_CODE_POINTS = new ConcurrentHashMap<>();

    private final String text;
    private final int[] originalOffsets;

    private FoldedText(String text, int[] originalOffsets) {
        this.text = text;
        this.originalOffsets = originalOffsets;
    }

    public static FoldedText of(String original) {
        StringBuilder folded = new StringBuilder(original.length());
        int[] offsets = new int[original.length() * 2 + 1];
        int offsetCount = 0;
        for (int i = 0; i < original.length(); ) {
            int codePoint = original.codePointAt(i);
            String piece = fold(codePoint);
            for (int k = 0; k < piece.length(); k++) {
                if (offsetCount == offsets.length - 1) {
                    offsets = java.util.Arrays.copyOf(offsets, offsets.length * 2);
                }
                offsets[offsetCount++] = i;
            }
            folded.append(piece);
            i += Character.charCount(codePoint);
        }
        offsets[offsetCount] = original.length();
        return new FoldedText(folded.toString(), offsets);
    }

    /** Folds a term from a rule file the same way as story text. */
    public static String fold(String term) {
        return of(term).text();
    }

    public String text() {
        return text;
    }

    /** The offset in the original text of the folded character at {@code foldedIndex} (or of its end). */
    public int originalOffset(int foldedIndex) {
        return originalOffsets[foldedIndex];
    }

    /** The end offset in the original of a match ending (exclusive) at {@code foldedEnd}. */
    public int originalEnd(int foldedEnd) {
        int lastCharStart = originalOffsets[foldedEnd - 1];
        int next = originalOffsets[foldedEnd];
        return next > lastCharStart ? next : lastCharStart + 1;
    }

    private static String fold(int codePoint) {
        if (codePoint < 0x80) {
            return String.valueOf((char) Character.toLowerCase(codePoint));
        }
        return FOLDED_CODE_POINTS.computeIfAbsent(codePoint, cp -> {
            String normalized = NFKC_CASEFOLD.normalize(new String(Character.toChars(cp)));
            return TRADITIONAL_TO_SIMPLIFIED.transliterate(normalized);
        });
    }
}
