package dev.newsalerts.classifier.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * What a candidate rule file would change, compared with the rules in force, over the same
 * stories: which stories would alert (at most {@link #MAX_LISTED} listed), and which would gain,
 * lose or change their alert, each with why. When the candidate is one rule (or a few) pasted
 * alone ({@link Candidate#isRulesAlone()}), the rules in force are reduced to the rules of the
 * same ids, and counts and lists are of those rules only.
 *
 * @param candidateRules the ids of the rules pasted alone; absent for a whole rule file
 */
public record Backtest(String rulesInForce, String candidateVersion, int storiesScanned, int alertsInForce,
        int alertsCandidate, List<Outcome> added, List<Outcome> removed, List<Outcome> changed, List<Outcome> wouldAlert,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> candidateRules) {

    public static final int MAX_LISTED = 500;

    /**
     * A story and the rules that fire on it under the rules in force ({@code before}) and the
     * candidate ({@code after}), and why.
     *
     * @param why for each rule of {@code after}, why it fired
     * @param whyBefore for each rule of {@code before}, why it fired; only where before and after differ
     */
    public record Outcome(String storyId, String title, @JsonInclude(JsonInclude.Include.NON_NULL) String link,
            List<String> before, List<String> after, List<Explanation> why,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Explanation> whyBefore) {

        public Outcome(String storyId, String title, List<String> before, List<String> after) {
            this(storyId, title, null, before, after, List.of(), List.of());
        }
    }

    public static Backtest run(RuleSet inForce, RuleSet candidate, List<StoryText> stories) {
        return run(inForce, new Candidate(candidate, null), stories);
    }

    public static Backtest run(RuleSet inForce, Candidate candidate, List<StoryText> stories) {
        List<Outcome> added = new ArrayList<>();
        List<Outcome> removed = new ArrayList<>();
        List<Outcome> changed = new ArrayList<>();
        List<Outcome> wouldAlert = new ArrayList<>();
        int alertsInForce = 0;
        int alertsCandidate = 0;
        for (StoryText story : stories) {
            List<RuleMatch> beforeMatches = inForce.classify(story.title(), story.summary(), story.content());
            if (candidate.isRulesAlone()) {
                beforeMatches = beforeMatches.stream().filter(match -> candidate.ruleIds().contains(match.ruleId())).toList();
            }
            List<RuleMatch> afterMatches = candidate.rules().classify(story.title(), story.summary(), story.content());
            List<String> before = ruleIds(beforeMatches);
            List<String> after = ruleIds(afterMatches);
            alertsInForce += before.isEmpty() ? 0 : 1;
            alertsCandidate += after.isEmpty() ? 0 : 1;
            boolean differs = !before.equals(after);
            if (!listed(wouldAlert, added, removed, changed, before, after)) {
                continue;
            }
            Outcome outcome = new Outcome(story.storyId(), story.title(), story.link(), before, after,
                    explain(afterMatches, story), differs ? explain(beforeMatches, story) : List.of());
            if (!after.isEmpty()) {
                addCapped(wouldAlert, outcome);
            }
            if (before.isEmpty() && !after.isEmpty()) {
                addCapped(added, outcome);
            } else if (!before.isEmpty() && after.isEmpty()) {
                addCapped(removed, outcome);
            } else if (differs) {
                addCapped(changed, outcome);
            }
        }
        return new Backtest(inForce.version(), candidate.rules().version(), stories.size(), alertsInForce, alertsCandidate,
                added, removed, changed, wouldAlert, candidate.ruleIds());
    }

    /** Whether a list the outcome belongs to still has room (an outcome listed nowhere is not explained: that is the costly part). */
    private static boolean listed(List<Outcome> wouldAlert, List<Outcome> added, List<Outcome> removed, List<Outcome> changed,
            List<String> before, List<String> after) {
        if (after.isEmpty()) {
            return !before.isEmpty() && removed.size() < MAX_LISTED;
        }
        return wouldAlert.size() < MAX_LISTED
                || before.isEmpty() && added.size() < MAX_LISTED
                || !before.isEmpty() && !before.equals(after) && changed.size() < MAX_LISTED;
    }

    private static List<Explanation> explain(List<RuleMatch> matches, StoryText story) {
        return matches.stream().map(match -> Explanation.of(match, story.title(), story.summary(), story.content())).toList();
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
