package dev.newsalerts.classifier.domain;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import java.util.HashMap;
import java.util.Map;

/**
 * How text is folded before matching: Unicode NFKC with case folding (full-width ＯｐｅｎＡＩ is
 * openai), then traditional to simplified Chinese (微軟 is 微软). Folding goes one code point at a
 * time, so every folded character maps back to an offset in the original; the result for each
 * BMP code point is computed once per JVM into a table.
 */
public final class TextFolding {

    /** Folded form of each BMP char when it is one char; {@link #MULTI} when it is longer or empty. */
    private static final char[] SINGLE = new char[0x10000];
    private static final char MULTI = '\uFFFF';
    private static final Map<Integer, String> LONGER = new HashMap<>();
    /** {@link #OTHER}, {@link #WORD} (a letter or digit of a script that spaces its words) or {@link #CJK}. */
    private static final byte[] CLASS = new byte[0x10000];
    static final byte OTHER = 0;
    static final byte WORD = 1;
    static final byte CJK = 2;

    static {
        Normalizer2 nfkcCasefold = Normalizer2.getNFKCCasefoldInstance();
        Transliterator toSimplified = Transliterator.getInstance("Traditional-Simplified");
        for (int c = 0; c < 0x10000; c++) {
            CLASS[c] = classify(c);
            if (c < 0x80) {
                SINGLE[c] = (char) Character.toLowerCase(c);
                continue;
            }
            String folded = Character.isSurrogate((char) c) ? String.valueOf((char) c)
                    : toSimplified.transliterate(nfkcCasefold.normalize(String.valueOf((char) c)));
            if (folded.length() == 1 && folded.charAt(0) != MULTI) {
                SINGLE[c] = folded.charAt(0);
            } else {
                SINGLE[c] = MULTI;
                LONGER.put(c, folded);
            }
        }
    }

    private TextFolding() {
    }

    /** Whether a folded char is {@link #OTHER}, {@link #WORD} or {@link #CJK}. */
    static byte charClass(char c) {
        return CLASS[c];
    }

    private static byte classify(int c) {
        if (!Character.isLetterOrDigit(c)) {
            return OTHER;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        boolean cjk = script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
        return cjk ? CJK : WORD;
    }

    /** The folded form of a BMP char when it is exactly one char, else {@code '\uFFFF'}: then use {@link #foldLonger}. */
    static char foldSingle(char c) {
        return SINGLE[c];
    }

    static boolean isSingle(char folded) {
        return folded != MULTI;
    }

    /** The folded form of a code point whose fold is not a single BMP char (or of a supplementary code point). */
    static String foldLonger(int codePoint) {
        if (codePoint < 0x10000) {
            return LONGER.get(codePoint);
        }
        return SupplementaryCache.fold(codePoint);
    }

    /** Folds a whole string, as terms of a rule file are folded. */
    public static String fold(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            char single = codePoint < 0x10000 ? SINGLE[codePoint] : MULTI;
            if (isSingle(single)) {
                folded.append(single);
            } else {
                folded.append(foldLonger(codePoint));
            }
            i += Character.charCount(codePoint);
        }
        return folded.toString();
    }

    /** Supplementary code points (emoji, rare ideographs) are folded on first sight and remembered. */
    private static final class SupplementaryCache {
        private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
        private static final Map<Integer, String> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

        static String fold(int codePoint) {
            return CACHE.computeIfAbsent(codePoint, cp -> NFKC_CASEFOLD.normalize(new String(Character.toChars(cp))));
        }
    }
}
