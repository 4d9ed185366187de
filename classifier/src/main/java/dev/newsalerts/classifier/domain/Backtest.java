package dev.newsalerts.classifier.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * What a candidate rule file would change, compared with the rules in force, over the same
 * stories: which stories would alert (at most {@link #MAX_LISTED} listed), and which would gain,
 * lose or change their alert.
 */
public record Backtest(String rulesInForce, String candidateVersion, int storiesScanned, int alertsInForce,
        int alertsCandidate, List<Outcome> added, List<Outcome> removed, List<Outcome> changed, List<Outcome> wouldAlert) {

    public static final int MAX_LISTED = 500;

    /** A story and the rules that fire on it under the rules in force ({@code before}) and the candidate ({@code after}). */
    public record Outcome(String storyId, String title, List<String> before, List<String> after) {
    }

    public static Backtest run(RuleSet inForce, RuleSet candidate, List<StoryText> stories) {
        List<Outcome> added = new ArrayList<>();
        List<Outcome> removed = new ArrayList<>();
        List<Outcome> changed = new ArrayList<>();
        List<Outcome> wouldAlert = new ArrayList<>();
        int alertsInForce = 0;
        int alertsCandidate = 0;
        for (StoryText story : stories) {
            List<String> before = ruleIds(inForce.classify(story.title(), story.summary()));
            List<String> after = ruleIds(candidate.classify(story.title(), story.summary()));
            Outcome outcome = new Outcome(story.storyId(), story.title(), before, after);
            alertsInForce += before.isEmpty() ? 0 : 1;
            alertsCandidate += after.isEmpty() ? 0 : 1;
            if (!after.isEmpty()) {
                addCapped(wouldAlert, outcome);
            }
            if (before.isEmpty() && !after.isEmpty()) {
                addCapped(added, outcome);
            } else if (!before.isEmpty() && after.isEmpty()) {
                addCapped(removed, outcome);
            } else if (!before.equals(after)) {
                addCapped(changed, outcome);
            }
        }
        return new Backtest(inForce.version(), candidate.version(), stories.size(), alertsInForce, alertsCandidate,
                added, removed, changed, wouldAlert);
    }

    private static List<String> ruleIds(List<RuleMatch> matches) {
        return matches.stream().map(RuleMatch::ruleId).toList();
    }

    private static void addCapped(List<Outcome> list, Outcome outcome) {
        if (list.size() < MAX_LISTED) {
            list.add(outcome);
        }
    }
}
