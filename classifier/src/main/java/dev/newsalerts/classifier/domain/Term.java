package dev.newsalerts.classifier.domain;

/**
 * One keyword of a term group, folded like story text.
 *
 * <p>Matching: a Latin-script end of a term must sit on a word boundary ({@code AWS} does not
 * match "laws"), a CJK end need not (微软 matches inside 微软公司). A trailing {@code *} makes
 * the term a prefix ({@code renegotiat*}).
 */
public record Term(String written, String group, String folded, boolean prefix) {

    public static Term of(String written, String group) {
        String trimmed = written.strip();
        boolean prefix = trimmed.endsWith("*");
        String body = prefix ? trimmed.substring(0, trimmed.length() - 1).strip() : trimmed;
        if (body.isEmpty()) {
            throw new IllegalArgumentException("empty term in group '" + group + "'");
        }
        return new Term(trimmed, group, FoldedText.fold(body), prefix);
    }

    /** Whether this term occurs at {@code start} of {@code text}, with the boundaries it needs. */
    boolean occursAt(String text, int start) {
        if (!text.startsWith(folded, start)) {
            return false;
        }
        int end = start + folded.length();
        boolean startOk = !isWordChar(folded.charAt(0)) || start == 0 || !isWordChar(text.charAt(start - 1));
        boolean endOk = prefix || !isWordChar(folded.charAt(folded.length() - 1))
                || end == text.length() || !isWordChar(text.charAt(end));
        return startOk && endOk;
    }

    /** A letter or digit of a script that separates words with spaces (not CJK). */
    static boolean isWordChar(char c) {
        if (!Character.isLetterOrDigit(c)) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script != Character.UnicodeScript.HAN && script != Character.UnicodeScript.HIRAGANA
                && script != Character.UnicodeScript.KATAKANA && script != Character.UnicodeScript.HANGUL;
    }
}
