package dev.newsalerts.classifier.domain;

import java.util.List;

/**
 * One keyword of a term group, folded like story text ({@link TextFolding}).
 *
 * <p>Matching: a Latin-script end of a term must sit on a word boundary ({@code AWS} does not
 * match "laws"), a CJK end need not (微软 matches inside 微软公司). A trailing {@code *} makes
 * the term a prefix ({@code renegotiat*}); a trailing {@code ~} stands for the English forms of its
 * last word ({@code deal~}: deal, deals, dealt, dealing, dealings; {@link Inflections}), each an
 * exact term written {@code deal~}.
 */
record Term(String written, int group, String folded, boolean prefix) {

    /** The one term {@code written} makes; {@code ~} is refused here: see {@link #allOf}. */
    static Term of(String written, int group) {
        List<Term> terms = allOf(written, group);
        if (terms.size() != 1) {
            throw new IllegalArgumentException("'" + written + "' makes " + terms.size() + " terms");
        }
        return terms.get(0);
    }

    /** The terms {@code written} makes: one, or one per form of a {@code ~} term. */
    static List<Term> allOf(String written, int group) {
        String trimmed = written.strip();
        boolean prefix = trimmed.endsWith("*");
        boolean inflected = trimmed.endsWith("~");
        String body = prefix || inflected ? trimmed.substring(0, trimmed.length() - 1).strip() : trimmed;
        if (body.isEmpty()) {
            throw new IllegalArgumentException("empty term");
        }
        if (body.contains("*")) {
            throw new IllegalArgumentException("'" + trimmed + "': * is only allowed at the end of a term");
        }
        if (body.contains("~")) {
            throw new IllegalArgumentException("'" + trimmed + "': ~ is only allowed at the end of a term (and not with *)");
        }
        if (!inflected) {
            return List.of(new Term(trimmed, group, TextFolding.fold(body), prefix));
        }
        return Inflections.of(body).stream().map(form -> new Term(trimmed, group, TextFolding.fold(form), false)).toList();
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
