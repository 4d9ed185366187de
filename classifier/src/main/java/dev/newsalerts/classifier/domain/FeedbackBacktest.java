package dev.newsalerts.classifier.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A candidate rule file and the rules in force, scored on every alert readers judged: each judged
 * story (its title and summary as the alert carried them; a judgement carries no content, so a
 * rule that names content is scored as if the story had none) is classified again by both, and
 * the judged alerts whose rules would change are listed (latest judgement first, at most
 * {@link #MAX_LISTED}).
 */
public record FeedbackBacktest(int judgedAlerts, Scores inForce, Scores candidate, List<Change> changed) {

    public static final int MAX_LISTED = 500;

    /** One rule file's score: over all judged alerts, and per rule of the file. */
    public record Scores(String rulesVersion, FeedbackScore overall, List<FeedbackScore> rules) {
    }

    /**
     * A judged alert the candidate would change: the rules that fired when it was judged
     * ({@code judgedRuleIds}), that fire under the rules in force ({@code before}), under the candidate ({@code after}).
     */
    public record Change(String alertId, String storyId, String title, Verdict verdict, List<String> judgedRuleIds,
            List<String> before, List<String> after) {
    }

    public static FeedbackBacktest run(RuleSet inForce, RuleSet candidate, List<Judgement> judgements) {
        return run(inForce, new Candidate(candidate, null), judgements);
    }

    /**
     * A rule pasted alone ({@link Candidate#isRulesAlone}) is scored against the rule of the same id in
     * force, on the judgements of alerts that rule raised; the other rules take no part.
     */
    public static FeedbackBacktest run(RuleSet inForce, Candidate candidate, List<Judgement> judgements) {
        Predicate<String> taking = candidate.isRulesAlone() ? candidate.ruleIds()::contains : ruleId -> true;
        Scoring inForceScoring = new Scoring(inForce, taking);
        Scoring candidateScoring = new Scoring(candidate.rules(), taking);
        List<Change> changed = new ArrayList<>();
        List<Judgement> latestFirst = new ArrayList<>(judgements.stream()
                .filter(judgement -> judgement.ruleIds().stream().anyMatch(taking)).toList());
        latestFirst.sort(Comparator.comparing(Judgement::judgedAt).reversed());
        for (Judgement judgement : latestFirst) {
            List<String> before = inForceScoring.add(judgement);
            List<String> after = candidateScoring.add(judgement);
            if (!before.equals(after) && changed.size() < MAX_LISTED) {
                changed.add(new Change(judgement.alertId(), judgement.storyId(), judgement.story().title(),
                        judgement.verdict(), judgement.ruleIds(), before, after));
            }
        }
        return new FeedbackBacktest(judgements.size(), inForceScoring.scores(), candidateScoring.scores(), changed);
    }

    /** One rule file's tallies. */
    private static final class Scoring {

        private final RuleSet rules;
        private final FeedbackScore.Tally overall = new FeedbackScore.Tally(null);
        private final Map<String, FeedbackScore.Tally> perRule = new LinkedHashMap<>();

        private final Predicate<String> taking;

        Scoring(RuleSet rules, Predicate<String> taking) {
            this.rules = rules;
            this.taking = taking;
            rules.ruleIds().stream().filter(taking).forEach(id -> perRule.put(id, new FeedbackScore.Tally(id)));
        }

        /** @return the rules that fire on the judged story */
        List<String> add(Judgement judgement) {
            List<String> fired = rules.classify(judgement.story().title(), judgement.story().summary()).stream()
                    .map(RuleMatch::ruleId).filter(taking).toList();
            overall.add(judgement.relevant(), !fired.isEmpty());
            for (String ruleId : judgement.ruleIds()) {
                FeedbackScore.Tally tally = perRule.get(ruleId);
                if (tally != null) {
                    tally.add(judgement.relevant(), fired.contains(ruleId));
                }
            }
            return fired;
        }

        Scores scores() {
            return new Scores(rules.version(), overall.score(), perRule.values().stream().map(FeedbackScore.Tally::score).toList());
        }
    }
}
