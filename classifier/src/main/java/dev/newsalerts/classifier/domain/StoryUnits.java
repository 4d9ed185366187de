package dev.newsalerts.classifier.domain;

import java.util.Arrays;

/**
 * The sentences and paragraphs of the story being classified, and its lead, computed only when a
 * rule that needs them is evaluated, into buffers reused story after story (one instance per
 * thread, in {@link Hits}).
 *
 * <p>The <b>lead</b> is the title and the first {@link #LEAD_SENTENCES} sentences of the summary.
 * A <b>paragraph</b> ends at a blank line (the feed-poller writes one after each HTML block); the
 * title is a paragraph of its own. A line break (an HTML {@code br} or list item) ends a sentence.
 * A unit never spans two fields. The content (a {@code fullText} story's article) has sentences and
 * paragraphs of its own, and no part in the lead.
 */
final class StoryUnits {

    static final int LEAD_SENTENCES = 2;

    private final Sentences sentences = new Sentences();
    private final String[] texts = new String[Field.values().length];
    /** Per field: its sentence ends, then its paragraph ends; null until asked for. */
    private final Sentences.Ends[] ends = new Sentences.Ends[texts.length * 2];
    private final boolean[] known = new boolean[ends.length];

    /** @param content null for a story without content */
    void reset(String title, String summary, String content) {
        texts[Field.TITLE.ordinal()] = title == null ? "" : title;
        texts[Field.SUMMARY.ordinal()] = summary == null ? "" : summary;
        texts[Field.CONTENT.ordinal()] = content == null ? "" : content;
        Arrays.fill(known, false);
    }

    /** Forgets the texts, so that a thread's scratch keeps no story alive. */
    void clear() {
        Arrays.fill(texts, null);
    }

    /** Whether a term starting at {@code offset} in {@code field} lies in the lead: the title, the summary's first sentences, never the content. */
    boolean inLead(int field, int offset) {
        if (field == Field.TITLE.ordinal()) {
            return true;
        }
        if (field != Field.SUMMARY.ordinal()) {
            return false;
        }
        Sentences.Ends summary = ends(Scope.SENTENCE, field);
        return summary.count <= LEAD_SENTENCES || offset < summary.at[LEAD_SENTENCES - 1];
    }

    /** The unit ({@code SENTENCE} or {@code PARAGRAPH}) holding {@code offset} of {@code field}: ascending in text order across fields. */
    int unit(Scope kind, int field, int offset) {
        return field << 24 | ends(kind, field).indexOf(offset);
    }

    Passage passage(Scope kind, int unit) {
        int field = unit >>> 24;
        Sentences.Ends units = ends(kind, field);
        int index = unit & 0xFF_FFFF;
        return new Passage(kind, Field.values()[field], units.startOf(index), units.at[index]);
    }

    private Sentences.Ends ends(Scope kind, int field) {
        int at = field * 2 + (kind == Scope.PARAGRAPH ? 1 : 0);
        if (ends[at] == null) {
            ends[at] = new Sentences.Ends();
        }
        if (!known[at]) {
            known[at] = true;
            return kind == Scope.PARAGRAPH ? Sentences.paragraphsOf(texts[field], ends[at]) : sentences.of(texts[field], ends[at]);
        }
        return ends[at];
    }
}
