package dev.newsalerts.classifier.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * How the rules in force fared with readers over a period: per rule, the alerts judged since
 * {@code since} that it fired in (a verdict counts for every rule that fired in the judged alert),
 * how many were judged relevant, and the precision; a rule nobody judged has precision null.
 *
 * @param judgements judgements given since {@code since}, of any rule
 * @param rulesVersions the rules versions those judged alerts were raised under
 */
public record RuleQuality(int days, Instant since, String rulesInForce, int judgements, List<String> rulesVersions,
        List<RuleFeedback> rules) {

    /**
     * @param precision {@code relevant / judged}; null when nobody judged an alert of the rule
     * @param rulesVersions the rules versions its judged alerts were raised under
     */
    public record RuleFeedback(String ruleId, int judged, int relevant, int notRelevant, Double precision,
            List<String> rulesVersions) {
    }

    public static RuleQuality of(RuleSet inForce, Collection<Judgement> all, int days, Instant since) {
        Map<String, Counts> perRule = new LinkedHashMap<>();
        inForce.ruleIds().forEach(id -> perRule.put(id, new Counts()));
        TreeSet<String> versions = new TreeSet<>();
        int judgements = 0;
        for (Judgement judgement : all) {
            if (judgement.judgedAt().isBefore(since)) {
                continue;
            }
            judgements++;
            versions.add(judgement.rulesVersion());
            for (String ruleId : judgement.ruleIds()) {
                Counts counts = perRule.get(ruleId);
                if (counts != null) {
                    counts.add(judgement);
                }
            }
        }
        List<RuleFeedback> rules = perRule.entrySet().stream().map(e -> e.getValue().feedback(e.getKey())).toList();
        return new RuleQuality(days, since, inForce.version(), judgements, List.copyOf(versions), rules);
    }

    private static final class Counts {

        private int judged;
        private int relevant;
        private final TreeSet<String> versions = new TreeSet<>();

        void add(Judgement judgement) {
            judged++;
            relevant += judgement.relevant() ? 1 : 0;
            versions.add(judgement.rulesVersion());
        }

        RuleFeedback feedback(String ruleId) {
            return new RuleFeedback(ruleId, judged, relevant, judged - relevant, FeedbackScore.share(relevant, judged),
                    List.copyOf(versions));
        }
    }
}
