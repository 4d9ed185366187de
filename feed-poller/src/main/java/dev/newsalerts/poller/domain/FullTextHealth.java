package dev.newsalerts.poller.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * How the article pages of a {@code fullText} feed have been read lately: the outcomes of the last
 * {@value #KEPT} pages, oldest first.
 */
public record FullTextHealth(List<ArticleOutcome> recent) {

    public static final int KEPT = 10;
    public static final FullTextHealth NONE = new FullTextHealth(List.of());

    public FullTextHealth {
        recent = List.copyOf(recent);
    }

    /** This health after the pages of one poll. */
    public FullTextHealth after(List<ArticleOutcome> outcomes) {
        List<ArticleOutcome> all = new ArrayList<>(recent);
        all.addAll(outcomes);
        return new FullTextHealth(all.subList(Math.max(0, all.size() - KEPT), all.size()));
    }

    /** Pages among the last ones that could not be read. */
    public long failures() {
        return recent.stream().filter(outcome -> !outcome.wasRead()).count();
    }

    /**
     * What went wrong lately, such as {@code fullText: 3 of the last 10 articles could not be read: no complete
     * response within 15 s at https://example.com/a}; null when the last pages were all read.
     */
    public String problem() {
        long failures = failures();
        if (failures == 0) {
            return null;
        }
        ArticleOutcome last = recent.stream().filter(outcome -> !outcome.wasRead()).reduce((first, second) -> second).orElseThrow();
        return "fullText: " + failures + " of the last " + recent.size() + " articles could not be read: " + last.problem()
                + " at " + last.url();
    }
}
