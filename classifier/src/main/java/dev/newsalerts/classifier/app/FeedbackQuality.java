package dev.newsalerts.classifier.app;

import dev.newsalerts.classifier.domain.RuleQuality;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/** How the rules in force fared with readers over the last days: their precision on the judged alerts. */
@ApplicationScoped
public class FeedbackQuality {

    private final Rules rules;
    private final JudgedAlerts judged;

    public FeedbackQuality(Rules rules, JudgedAlerts judged) {
        this.rules = rules;
        this.judged = judged;
    }

    /**
     * @param days how far back judgements count, by when they were given
     * @throws FeedbackUnavailableException when the judgements are not all known yet
     */
    public RuleQuality lastDays(int days) {
        Instant since = Instant.now().minus(Duration.ofDays(days));
        return RuleQuality.of(rules.current(), judged.all(), days, since);
    }
}
