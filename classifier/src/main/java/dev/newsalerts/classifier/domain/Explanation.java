package dev.newsalerts.classifier.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Why a rule fired on a story, in words a reader can check: the terms found (with the text they
 * matched), and the part of the story that decided: the sentence, paragraph or {@code near} window
 * in which the rule's conditions held ({@code passage}), or {@code story} for a rule without
 * {@code within} or {@code near}, whose terms counted wherever its fields let them. Terms outside
 * the passage (all of them for {@code story}) are shown in short excerpts around them.
 *
 * @param scope {@code sentence}, {@code paragraph}, {@code near} or {@code story}
 * @param passage the sentence, paragraph or window, with its terms marked; null for {@code story}
 * @param excerpts the terms outside the passage, each with a little text around it (at most {@value #MAX_EXCERPTS})
 * @param terms the terms found, in text order (at most {@value #MAX_TERMS})
 */
public record Explanation(String ruleId, String ruleTitle, double score, String scope,
        @JsonInclude(JsonInclude.Include.NON_NULL) Excerpt passage, List<Excerpt> excerpts, List<FoundTerm> terms) {

    public static final String STORY = "story";
    static final int MAX_TERMS = 20;
    static final int MAX_EXCERPTS = 4;
    static final int MAX_PASSAGE_CHARS = 2_000;
    static final int CONTEXT_CHARS = 60;

    /**
     * A term found: as the rule file writes it, its group, and where it stands.
     *
     * @param text the story's text there (which the term matched, case and inflection aside)
     */
    public record FoundTerm(String term, String group, Field field, int start, int end, String text) {
    }

    /**
     * A piece of a story's field.
     *
     * @param start offset of its first character in the field's text
     * @param end offset after its last character
     * @param toEnd whether it reaches the end of the field (else the field goes on)
     * @param marks the terms in it, offsets relative to {@code text}
     */
    public record Excerpt(Field field, int start, int end, boolean toEnd, String text, List<Mark> marks) {
    }

    /** A term in an excerpt: {@code start} and {@code end} are offsets in the excerpt's text. */
    public record Mark(int start, int end, String term, String group) {
    }

    /** @param content the story's content (null when it has none): terms found there get excerpts of it like the others */
    public static Explanation of(RuleMatch match, String title, String summary, String content) {
        String[] texts = {title, summary, content};
        List<MatchedTerm> terms = match.terms().stream()
                .filter(term -> term.start() >= 0 && term.end() <= text(term.field(), texts).length() && term.start() < term.end())
                .sorted(Comparator.comparing(MatchedTerm::field).thenComparingInt(MatchedTerm::start))
                .toList();
        Passage within = match.within();
        Excerpt passage = null;
        List<MatchedTerm> outside = terms;
        if (within != null) {
            String field = text(within.field(), texts);
            int start = Math.max(0, Math.min(within.start(), field.length()));
            int end = Math.min(Math.max(start, within.end()), Math.min(field.length(), start + MAX_PASSAGE_CHARS));
            passage = excerpt(within.field(), field, start, end, terms);
            outside = terms.stream().filter(term -> term.field() != within.field() || term.start() < start || term.end() > end).toList();
        }
        List<FoundTerm> found = terms.stream().limit(MAX_TERMS).map(term -> new FoundTerm(term.term(), term.group(),
                term.field(), term.start(), term.end(), text(term.field(), texts).substring(term.start(), term.end()))).toList();
        return new Explanation(match.ruleId(), match.ruleTitle(), match.score(),
                within == null ? STORY : within.scope().jsonName(), passage, excerpts(outside, texts), found);
    }

    /** Windows of {@link #CONTEXT_CHARS} around the terms, merged where they overlap, in text order. */
    private static List<Excerpt> excerpts(List<MatchedTerm> terms, String[] texts) {
        List<Excerpt> excerpts = new ArrayList<>();
        int i = 0;
        while (i < terms.size() && excerpts.size() < MAX_EXCERPTS) {
            MatchedTerm first = terms.get(i);
            String field = text(first.field(), texts);
            int start = wordStart(field, Math.max(0, first.start() - CONTEXT_CHARS), first.start());
            int end = Math.min(field.length(), first.end() + CONTEXT_CHARS);
            int lastTermEnd = first.end();
            int j = i + 1;
            while (j < terms.size() && terms.get(j).field() == first.field() && terms.get(j).start() < end) {
                end = Math.max(end, Math.min(field.length(), terms.get(j).end() + CONTEXT_CHARS));
                lastTermEnd = Math.max(lastTermEnd, terms.get(j).end());
                j++;
            }
            excerpts.add(excerpt(first.field(), field, start, wordEnd(field, end, lastTermEnd), terms));
            i = j;
        }
        return excerpts;
    }

    private static Excerpt excerpt(Field field, String text, int start, int end, List<MatchedTerm> terms) {
        List<Mark> marks = terms.stream()
                .filter(term -> term.field() == field && term.start() >= start && term.end() <= end)
                .map(term -> new Mark(term.start() - start, term.end() - start, term.term(), term.group()))
                .toList();
        return new Excerpt(field, start, end, end >= text.length(), text.substring(start, end), marks);
    }

    /** Moves a window's start forward to the beginning of a word, if one begins before {@code limit}. */
    private static int wordStart(String text, int from, int limit) {
        if (from == 0 || Character.isWhitespace(text.charAt(from - 1))) {
            return from;
        }
        for (int i = from; i < limit && i < from + 20; i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i + 1;
            }
        }
        return from;
    }

    /** Moves a window's end back to the end of a word, if one ends after {@code limit}. */
    private static int wordEnd(String text, int to, int limit) {
        if (to == text.length() || Character.isWhitespace(text.charAt(to))) {
            return to;
        }
        for (int i = to; i > limit && i > to - 20; i--) {
            if (Character.isWhitespace(text.charAt(i - 1))) {
                return i - 1;
            }
        }
        return to;
    }

    /** @param texts title, summary and content, by field ordinal */
    private static String text(Field field, String[] texts) {
        String text = texts[field.ordinal()];
        return text == null ? "" : text;
    }
}
