package dev.newsalerts.classifier.app;

import dev.newsalerts.classifier.domain.Backtest;
import dev.newsalerts.classifier.domain.Candidate;
import dev.newsalerts.classifier.domain.FeedbackBacktest;
import dev.newsalerts.classifier.domain.RuleFileException;
import dev.newsalerts.classifier.domain.RuleSet;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Back-tests a candidate rule file: compares it with the rules in force over the latest stories,
 * and scores both on the alerts readers judged.
 * Applies nothing: to apply the candidate, save it as the rule file.
 */
@ApplicationScoped
public class Backtesting {

    private final Rules rules;
    private final RecentStories stories;
    private final JudgedAlerts judged;

    public Backtesting(Rules rules, RecentStories stories, JudgedAlerts judged) {
        this.rules = rules;
        this.stories = stories;
        this.judged = judged;
    }

    /**
     * @param candidateYaml the candidate rule file, or one rule (or a list of rules) pasted alone ({@link Candidate})
     * @param last how many of the latest stories to run it over
     * @throws RuleFileException when the candidate is not a valid rule file
     * @throws StoriesUnavailableException when the latest stories cannot be read
     * @throws FeedbackUnavailableException when the judgements are not all known yet
     */
    public BacktestReport run(byte[] candidateYaml, int last) {
        RuleSet inForce = rules.current();
        Candidate candidate = Candidate.compile(candidateYaml, inForce, "candidate");
        return new BacktestReport(Backtest.run(inForce, candidate, stories.latest(last)),
                FeedbackBacktest.run(inForce, candidate, judged.all()));
    }
}
