package dev.newsalerts.classifier.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsalerts.classifier.app.Classification;
import dev.newsalerts.classifier.config.ClassifierConfig;
import dev.newsalerts.classifier.domain.Alert;
import dev.newsalerts.classifier.domain.Story;
import dev.newsalerts.classifier.domain.StoryText;
import dev.newsalerts.kafka.AcknowledgedSend;
import dev.newsalerts.kafka.KafkaTraceContext;
import io.opentelemetry.api.OpenTelemetry;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
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

    private final Classification classification;
    private final ObjectMapper mapper;
    private final ClassifierConfig config;
    private final Emitter<Record<String, Alert>> alerts;
    private final OpenTelemetry openTelemetry;

    public StoryClassifier(Classification classification, ObjectMapper mapper, ClassifierConfig config,
            @Channel(Channels.ALERTS) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
            Emitter<Record<String, Alert>> alerts, OpenTelemetry openTelemetry) {
        this.classification = classification;
        this.mapper = mapper;
        this.config = config;
        this.alerts = alerts;
        this.openTelemetry = openTelemetry;
    }

    /** Takes the whole record, so the alert can carry on the story's trace from its headers. */
    @Incoming(Channels.STORIES)
    public CompletionStage<Void> classify(ConsumerRecord<String, String> record) {
        JsonNode json = parse(record.value());
        Story story = new Story(mapper.convertValue(json, StoryText.class), json);
        return classification.alertFor(story)
                .map(alert -> publish(story.text().storyId(), alert, record.headers()))
                .orElseGet(() -> CompletableFuture.completedFuture(null));
    }

    /** @return completes once the alert is on the broker */
    private CompletionStage<Void> publish(String storyId, Alert alert, Headers storyHeaders) {
        return AcknowledgedSend.send(alerts, Message.of(Record.of(storyId, alert))
                .addMetadata(TracingMetadata.withCurrent(KafkaTraceContext.of(openTelemetry, storyHeaders))));
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
