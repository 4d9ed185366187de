package dev.newsalerts.classifier.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How a rule (or a whole rule file, {@code ruleId} absent) scores on the alerts readers judged. A
 * verdict counts for every rule that fired in the judged alert, so a rule's judged alerts are those
 * that carried its id.
 *
 * @param judged judged alerts that carried the rule (all judged alerts, for a whole rule file)
 * @param relevant of those, judged relevant
 * @param alerted of those, the ones the rules scored fire this rule on (any rule, for a whole file)
 * @param alertedRelevant of those, judged relevant
 * @param precision {@code alertedRelevant / alerted}; null when nothing judged is alerted on
 * @param recall {@code alertedRelevant / relevant}; null when nothing was judged relevant
 */
public record FeedbackScore(@JsonInclude(JsonInclude.Include.NON_NULL) String ruleId, int judged, int relevant,
        int alerted, int alertedRelevant, Double precision, Double recall) {

    /** Counts judged alerts into a score. */
    static final class Tally {

        private final String ruleId;
        private int judged;
        private int relevant;
        private int alerted;
        private int alertedRelevant;

        Tally(String ruleId) {
            this.ruleId = ruleId;
        }

        /** @param alerts whether the rules scored fire (this rule) on the judged story */
        void add(boolean isRelevant, boolean alerts) {
            judged++;
            relevant += isRelevant ? 1 : 0;
            alerted += alerts ? 1 : 0;
            alertedRelevant += alerts && isRelevant ? 1 : 0;
        }

        FeedbackScore score() {
            return new FeedbackScore(ruleId, judged, relevant, alerted, alertedRelevant, share(alertedRelevant, alerted),
                    share(alertedRelevant, relevant));
        }
    }

    static Double share(int part, int whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
