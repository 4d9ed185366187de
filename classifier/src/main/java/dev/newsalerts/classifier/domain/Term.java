package dev.newsalerts.classifier.domain;

/**
 * One keyword of a term group, folded like story text ({@link TextFolding}).
 *
 * <p>Matching: a Latin-script end of a term must sit on a word boundary ({@code AWS} does not
 * match "laws"), a CJK end need not (微软 matches inside 微软公司). A trailing {@code *} makes
 * the term a prefix ({@code renegotiat*}).
 */
record Term(String written, int group, String folded, boolean prefix) {

    static Term of(String written, int group) {
        String trimmed = written.strip();
        boolean prefix = trimmed.endsWith("*");
        String body = prefix ? trimmed.substring(0, trimmed.length() - 1).strip() : trimmed;
        if (body.isEmpty()) {
            throw new IllegalArgumentException("empty term");
        }
        if (body.contains("*")) {
            throw new IllegalArgumentException("'" + trimmed + "': * is only allowed at the end of a term");
        }
        return new Term(trimmed, group, TextFolding.fold(body), prefix);
    }

    /** Whether the char before the term must not be a word char. */
    boolean needsStartBoundary() {
        return TextFolding.charClass(folded.charAt(0)) == TextFolding.WORD;
    }

    /** Whether the char after the term must not be a word char. */
    boolean needsEndBoundary() {
        return !prefix && TextFolding.charClass(folded.charAt(folded.length() - 1)) == TextFolding.WORD;
    }
}
