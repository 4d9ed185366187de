package dev.newsalerts.classifier.domain.cluster;

import dev.newsalerts.classifier.domain.TextFolding;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a title or lead into the tokens a fingerprint is made of, each folded with {@link TextFolding}
 * (full-width, case and traditional Chinese fold to one form): runs of Latin-script letters, numbers
 * (with their thousands separators and decimal point: "1,500" and "1500" are one token) and runs of
 * CJK characters. Punctuation separates tokens; a sentence end is remembered so that a capital after
 * it is not taken for a name.
 */
final class StoryTokens {

    enum Kind { WORD, NUMBER, CJK }

    /** One token: its folded text, whether it was written with a capital letter not opening a sentence. */
    record Token(Kind kind, String folded, boolean named) {
    }

    private StoryTokens() {
    }

    static List<Token> of(String text) {
        List<Token> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        boolean sentenceStart = true;
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (isCjk(c)) {
                int end = runEnd(text, i, StoryTokens::isCjk);
                tokens.add(new Token(Kind.CJK, TextFolding.fold(text.substring(i, end)), false));
                sentenceStart = false;
                i = end;
            } else if (isDigit(c) && !isLatinLetter(next(text, numberEnd(text, i)))) {
                int end = numberEnd(text, i);
                tokens.add(new Token(Kind.NUMBER, Numbers.normalise(TextFolding.fold(text.substring(i, end))), false));
                sentenceStart = false;
                i = end;
            } else if (Character.isLetterOrDigit(c)) {
                // letters and digits of Latin script: a word, or a model name such as SU7, R1, GPT4o (one token, a name)
                int end = runEnd(text, i, cp -> Character.isLetterOrDigit(cp) && !isCjk(cp));
                String word = text.substring(i, end);
                boolean mixed = hasDigit(word);
                tokens.add(new Token(Kind.WORD, TextFolding.fold(word), mixed || !sentenceStart && looksLikeAName(word)));
                sentenceStart = false;
                i = end;
            } else {
                sentenceStart |= c == '.' || c == '!' || c == '?' || c == ':' || c == '。' || c == '！' || c == '？'
                        || c == '"' || c == '“' || c == '\n';
                i += Character.charCount(c);
            }
        }
        return tokens;
    }

    /** A capital first letter, or a capital inside (OpenAI, iPhone). */
    private static boolean looksLikeAName(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isUpperCase(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDigit(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isDigit(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static int next(String text, int at) {
        return at < text.length() ? text.codePointAt(at) : -1;
    }

    private static boolean isLatinLetter(int c) {
        return c >= 0 && Character.isLetter(c) && !isCjk(c);
    }

    private static boolean isDigit(int c) {
        return Character.isDigit(c);
    }

    static boolean isCjk(int c) {
        if (c < 0x2E80 || !Character.isLetterOrDigit(c) || Character.isDigit(c)) { // nothing CJK below U+2E80
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    private static int runEnd(String text, int from, java.util.function.IntPredicate inRun) {
        int i = from;
        while (i < text.length() && inRun.test(text.codePointAt(i))) {
            i += Character.charCount(text.codePointAt(i));
        }
        return i;
    }

    /** Digits, with a ',' or '.' (also full-width) inside when a digit follows it. */
    private static int numberEnd(String text, int from) {
        int i = from;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (isDigit(c)) {
                i += Character.charCount(c);
            } else if ((c == ',' || c == '.' || c == '，' || c == '．' || c == '．') && i + 1 < text.length()
                    && isDigit(text.codePointAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }
}
