package dev.newsalerts.classifier.app;

import dev.newsalerts.classifier.domain.Alert;
import dev.newsalerts.classifier.domain.AlertIds;
import dev.newsalerts.classifier.domain.RuleMatch;
import dev.newsalerts.classifier.domain.RuleSet;
import dev.newsalerts.classifier.domain.Story;
import dev.newsalerts.classifier.domain.StoryText;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Classifies a story under the rules in force into an alert, timing each classification and counting alerts by rule. */
@Startup // so the timer is on /q/metrics from the start, not from the first story
@ApplicationScoped
public class Classification {

    private final Rules rules;
    private final MeterRegistry registry;
    private final Timer classification;

    public Classification(Rules rules, MeterRegistry registry) {
        this.rules = rules;
        this.registry = registry;
        this.classification = Timer.builder("classifier.classification")
                .description("Time to match one story against the rules").register(registry);
    }

    /** @return the alert for the story, or empty when no rule fires */
    public Optional<Alert> alertFor(Story story) {
        StoryText text = story.text();
        RuleSet ruleSet = rules.current();
        long started = System.nanoTime();
        List<RuleMatch> matches = ruleSet.classify(text.title(), text.summary(), text.content());
        classification.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        if (matches.isEmpty()) {
            Log.debugf("Story %s matched no rule", text.storyId());
            return Optional.empty();
        }
        Alert alert = new Alert(Alert.SCHEMA_VERSION, AlertIds.of(text.storyId(), ruleSet.version()), story.received(),
                matches, ruleSet.version(), Instant.now());
        Log.infof("Alert %s: \"%s\" matched %s", alert.alertId(), text.title(),
                matches.stream().map(RuleMatch::ruleId).toList());
        matches.forEach(match -> registry.counter("classifier.alerts", "rule", match.ruleId()).increment());
        return Optional.of(alert);
    }
}
