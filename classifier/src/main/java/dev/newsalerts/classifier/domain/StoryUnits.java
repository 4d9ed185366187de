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
 * A unit never spans two fields.
 */
final class StoryUnits {

    static final int LEAD_SENTENCES = 2;

    private final Sentences sentences = new Sentences();
    private final String[] texts = new String[2];
    /** Per field: its sentence ends, then its paragraph ends; null until asked for. */
    private final Sentences.Ends[] ends = new Sentences.Ends[4];
    private final boolean[] known = new boolean[4];

    void reset(String title, String summary) {
        texts[Field.TITLE.ordinal()] = title == null ? "" : title;
        texts[Field.SUMMARY.ordinal()] = summary == null ? "" : summary;
        Arrays.fill(known, false);
    }

    /** Forgets the texts, so that a thread's scratch keeps no story alive. */
    void clear() {
        texts[0] = null;
        texts[1] = null;
    }

    /** Whether a term starting at {@code offset} in {@code field} lies in the lead. */
    boolean inLead(int field, int offset) {
        if (field == Field.TITLE.ordinal()) {
            return true;
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
