package dev.newsalerts.classifier.domain.cluster;

import java.util.Locale;

/**
 * Whether a story joins a head: the anchors give the {@link Evidence}, and the stronger it is the less
 * textual similarity is asked for. Rewrites of one event share few word pairs (similarity 0.1 to 0.3)
 * but keep the numbers; different events on one topic reach the same similarity but bring numbers of
 * their own, or have numbers where the other has none. ClusterQualityTest measured where the thresholds
 * sit (classifier/README.md, "Story clusters").
 *
 * @param numbersAgree      least similarity when the numbers agree
 * @param namesAgree        least similarity when neither has numbers and they share {@code namesToAgree} names
 * @param someNumbersAgree  least similarity when one number is shared and one story has more
 * @param wordingOnly       least similarity when the anchors say nothing
 * @param despiteConflict   least similarity to join although the numbers conflict (a copy with a corrected figure)
 */
record JoinRule(double numbersAgree, double namesAgree, double someNumbersAgree, double wordingOnly,
        double despiteConflict, int namesToAgree) {

    static final JoinRule DEFAULT = new JoinRule(0.10, 0.15, 0.20, 0.30, 0.90, 2);

    /** The verdict on one head: whether to join, at what similarity, and on which evidence. */
    record Verdict(boolean joins, double similarity, double threshold, Evidence evidence) {
    }

    /** Below this no evidence makes a story join, so the anchors need not be compared. */
    double lowestThreshold() {
        return Math.min(Math.min(numbersAgree, namesAgree), Math.min(someNumbersAgree, Math.min(wordingOnly, despiteConflict)));
    }

    double threshold(Evidence evidence) {
        return switch (evidence) {
            case NUMBERS_AGREE -> numbersAgree;
            case NAMES_AGREE -> namesAgree;
            case SOME_NUMBERS_AGREE -> someNumbersAgree;
            case NONE -> wordingOnly;
            case NUMBERS_CONFLICT -> despiteConflict;
        };
    }

    Verdict judge(double similarity, Anchors story, Anchors head) {
        Evidence evidence = AnchorComparison.evidence(story, head, namesToAgree);
        double threshold = threshold(evidence);
        return new Verdict(similarity >= threshold, similarity, threshold, evidence);
    }

    /** The verdict in words, for the head a decision names: "at similarity 0.42, numbers agree: 20, 2026". */
    static String reason(Verdict verdict, Anchors story, Anchors head) {
        return "at similarity " + String.format(Locale.ROOT, "%.2f", verdict.similarity())
                + describe(verdict.evidence(), AnchorComparison.of(story, head))
                + (verdict.joins() ? "" : String.format(Locale.ROOT, " (needs %.2f)", verdict.threshold()));
    }

    private static String describe(Evidence evidence, AnchorComparison anchors) {
        return switch (evidence) {
            case NUMBERS_AGREE, SOME_NUMBERS_AGREE -> ", numbers agree: " + String.join(", ", anchors.sharedNumbers())
                    + names(anchors);
            case NAMES_AGREE -> names(anchors);
            case NONE -> anchors.numbersOneSided() ? ", numbers on one side only" : ", no numbers or names to confirm it";
            case NUMBERS_CONFLICT -> ", numbers conflict: " + anchors.conflictingNumbers();
        };
    }

    private static String names(AnchorComparison anchors) {
        return anchors.sharedNames().isEmpty() ? "" : ", names agree: " + String.join(", ", anchors.sharedNames());
    }
}
