package dev.newsalerts.classifier.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsalerts.kafka.Topics;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Judgements as the notifier publishes them on news.feedback (feedback.schema.json), for the tests. */
final class FeedbackRecords {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FeedbackRecords() {
    }

    static String newAlertId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** A judgement of an alert on a story with the given title, raised under {@code rulesVersion} by {@code ruleIds}. */
    static String judgement(String alertId, String rulesVersion, String verdict, Instant judgedAt, String title, String... ruleIds) {
        ObjectNode node = MAPPER.createObjectNode().put("schemaVersion", 1).put("alertId", alertId)
                .put("storyId", "story-" + alertId).put("rulesVersion", rulesVersion).put("verdict", verdict)
                .put("via", "console").put("judgedAt", judgedAt.toString());
        List.of(ruleIds).forEach(node.putArray("ruleIds")::add);
        node.putObject("story").put("title", title).put("summary", "").put("language", "en")
                .put("link", "https://news.example.com/" + alertId);
        return node.toString();
    }

    /** Publishes records to news.feedback, keyed by alert id; a null value is a tombstone. */
    @SafeVarargs
    static void publish(String bootstrapServers, ProducerRecord<String, String>... records) {
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            companion.produceStrings().fromRecords(records).awaitCompletion(Duration.ofSeconds(30));
        }
    }

    static ProducerRecord<String, String> record(String alertId, String value) {
        return new ProducerRecord<>(Topics.FEEDBACK, alertId, value);
    }
}
