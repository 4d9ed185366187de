package dev.newsalerts.classifier.messaging;

import dev.newsalerts.classifier.app.Classification;
import dev.newsalerts.classifier.domain.Alert;
import dev.newsalerts.classifier.domain.Story;
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
 * story is acknowledged (its offset committed) only once its alert is on the broker. A record that
 * is not a readable story never gets here: {@link StoryDeserializer} refuses it and the connector
 * parks it in {@code news.stories.dlq} with the reason.
 */
@ApplicationScoped
public class StoryClassifier {

    private final Classification classification;
    private final Emitter<Record<String, Alert>> alerts;
    private final OpenTelemetry openTelemetry;

    public StoryClassifier(Classification classification,
            @Channel(Channels.ALERTS) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
            Emitter<Record<String, Alert>> alerts, OpenTelemetry openTelemetry) {
        this.classification = classification;
        this.alerts = alerts;
        this.openTelemetry = openTelemetry;
    }

    /** Takes the whole record, so the alert can carry on the story's trace from its headers. */
    @Incoming(Channels.STORIES)
    public CompletionStage<Void> classify(ConsumerRecord<String, Story> record) {
        Story story = record.value();
        if (story == null) {
            // Kafka does not deserialize a record without a value: it arrives here, and goes to the dead-letter topic
            throw new InvalidStoryException("empty record");
        }
        return classification.alertFor(story)
                .map(alert -> publish(story.text().storyId(), alert, record.headers()))
                .orElseGet(() -> CompletableFuture.completedFuture(null));
    }

    /** @return completes once the alert is on the broker */
    private CompletionStage<Void> publish(String storyId, Alert alert, Headers storyHeaders) {
        return AcknowledgedSend.send(alerts, Message.of(Record.of(storyId, alert))
                .addMetadata(TracingMetadata.withCurrent(KafkaTraceContext.of(openTelemetry, storyHeaders))));
    }
}
