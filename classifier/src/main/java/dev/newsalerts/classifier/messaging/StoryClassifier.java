package dev.newsalerts.classifier.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsalerts.classifier.config.ClassifierConfig;
import dev.newsalerts.classifier.config.Rules;
import dev.newsalerts.classifier.domain.Alert;
import dev.newsalerts.classifier.domain.AlertIds;
import dev.newsalerts.classifier.domain.RuleMatch;
import dev.newsalerts.classifier.domain.RuleSet;
import dev.newsalerts.classifier.domain.StoryText;
import dev.newsalerts.kafka.AcknowledgedSend;
import dev.newsalerts.kafka.KafkaTraceContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Classifies each story from {@code news.stories} and publishes an alert when a rule fires. A
 * story is acknowledged (its offset committed) only once its alert is on the broker; one that
 * cannot be read goes to {@code news.stories.dlq} with the reason.
 */
@ApplicationScoped
public class StoryClassifier {

    private final Rules rules;
    private final ObjectMapper mapper;
    private final ClassifierConfig config;
    private final Emitter<Record<String, Alert>> alerts;
    private final MeterRegistry registry;
    private final OpenTelemetry openTelemetry;
    private final Timer classification;

    public StoryClassifier(Rules rules, ObjectMapper mapper, ClassifierConfig config,
            @Channel(Channels.ALERTS) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
            Emitter<Record<String, Alert>> alerts, MeterRegistry registry, OpenTelemetry openTelemetry) {
        this.rules = rules;
        this.mapper = mapper;
        this.config = config;
        this.alerts = alerts;
        this.registry = registry;
        this.openTelemetry = openTelemetry;
        this.classification = Timer.builder("classifier.classification")
                .description("Time to match one story against the rules").register(registry);
    }

    /** Takes the whole record, so the alert can carry on the story's trace from its headers. */
    @Incoming(Channels.STORIES)
    public CompletionStage<Void> classify(ConsumerRecord<String, String> record) {
        JsonNode story = parse(record.value());
        StoryText text = mapper.convertValue(story, StoryText.class);
        RuleSet ruleSet = rules.current();
        long started = System.nanoTime();
        List<RuleMatch> matches = ruleSet.classify(text.title(), text.summary());
        classification.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        if (matches.isEmpty()) {
            Log.debugf("Story %s matched no rule", text.storyId());
            return CompletableFuture.completedFuture(null);
        }
        Alert alert = new Alert(Alert.SCHEMA_VERSION, AlertIds.of(text.storyId(), ruleSet.version()), story, matches,
                ruleSet.version(), Instant.now());
        Log.infof("Alert %s: \"%s\" matched %s", alert.alertId(), text.title(),
                matches.stream().map(RuleMatch::ruleId).toList());
        matches.forEach(match -> registry.counter("classifier.alerts", "rule", match.ruleId()).increment());
        return AcknowledgedSend.send(alerts, Message.of(Record.of(text.storyId(), alert))
                .addMetadata(TracingMetadata.withCurrent(KafkaTraceContext.of(openTelemetry, record.headers()))));
    }

    private JsonNode parse(String json) {
        if (json == null) {
            throw new InvalidStoryException("empty record");
        }
        if (json.length() > config.maxStoryBytes()) {
            throw new InvalidStoryException("story of " + json.length() + " characters exceeds the limit of "
                    + config.maxStoryBytes());
        }
        JsonNode story;
        try {
            story = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidStoryException("not JSON: " + e.getOriginalMessage());
        }
        if (!story.isObject() || !story.path("storyId").isTextual()) {
            throw new InvalidStoryException("not a Story: no storyId");
        }
        if (!story.path("title").isTextual() && !story.path("summary").isTextual()) {
            throw new InvalidStoryException("not a Story: neither title nor summary");
        }
        return story;
    }

    /** The reason a story went to the dead-letter topic. */
    public static class InvalidStoryException extends RuntimeException {
        public InvalidStoryException(String message) {
            super(message);
        }
    }
}
