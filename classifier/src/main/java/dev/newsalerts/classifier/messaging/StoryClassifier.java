package dev.newsalerts.classifier.messaging;

import dev.newsalerts.classifier.app.Classification;
import dev.newsalerts.classifier.config.ClassifierConfig;
import dev.newsalerts.classifier.domain.Alert;
import dev.newsalerts.classifier.domain.Story;
import dev.newsalerts.kafka.AcknowledgedSend;
import dev.newsalerts.kafka.KafkaTraceContext;
import dev.newsalerts.kafka.SendWindow;
import io.opentelemetry.api.OpenTelemetry;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Classifies each story from {@code news.stories} and publishes an alert on {@code news.matches}
 * when a rule fires, where {@link ClusterStage} gives it its cluster before it goes on to
 * {@code news.alerts}. A story is acknowledged (its offset committed) only once its alert is on the broker; meanwhile the
 * next stories are read and classified, up to {@code classifier.unacknowledged-alerts} alerts
 * awaiting the broker ({@link SendWindow}). A record that is not a readable story never gets here:
 * {@link StoryDeserializer} refuses it and the connector parks it in {@code news.stories.dlq} with
 * the reason.
 */
@ApplicationScoped
public class StoryClassifier {

    private final Classification classification;
    private final Emitter<Record<String, Alert>> alerts;
    private final OpenTelemetry openTelemetry;
    private final SendWindow window;

    public StoryClassifier(Classification classification,
            @Channel(Channels.MATCHES_OUT) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
            Emitter<Record<String, Alert>> alerts, OpenTelemetry openTelemetry, ClassifierConfig config) {
        this.classification = classification;
        this.alerts = alerts;
        this.openTelemetry = openTelemetry;
        this.window = new SendWindow(Math.min(config.unacknowledgedAlerts(), 1024));
    }

    /** Takes the whole message: it is acknowledged when its alert is on the broker, and its headers carry the trace. */
    @Incoming(Channels.STORIES)
    public CompletionStage<Void> classify(Message<Story> message) {
        Story story = message.getPayload();
        if (story == null) {
            // Kafka does not deserialize a record without a value: it arrives here, and goes to the dead-letter topic
            return message.nack(new InvalidStoryException("empty record"));
        }
        Optional<Alert> alert;
        try {
            alert = classification.alertFor(story);
        } catch (RuntimeException e) {
            return message.nack(e);
        }
        if (alert.isEmpty()) {
            return message.ack();
        }
        CompletableFuture<Void> sent = publish(story.text().storyId(), alert.get(), message);
        return window.acknowledgeWhenSent(message, sent);
    }

    /** @return completes once the alert is on the broker */
    private CompletableFuture<Void> publish(String storyId, Alert alert, Message<Story> story) {
        Headers storyHeaders = story.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getHeaders)
                .orElseGet(RecordHeaders::new);
        return AcknowledgedSend.send(alerts, Message.of(Record.of(storyId, alert))
                .addMetadata(TracingMetadata.withCurrent(KafkaTraceContext.of(openTelemetry, storyHeaders))));
    }
}
