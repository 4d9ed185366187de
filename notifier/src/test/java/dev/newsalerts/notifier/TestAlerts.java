package dev.newsalerts.notifier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsalerts.kafka.Topics;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Alerts as the classifier publishes them (its schema's example, with fresh ids), published to news.alerts. */
public final class TestAlerts {

    /** A real alert as the classifier's contract describes it. */
    private static final Path ALERT_EXAMPLE = Path.of("../classifier/src/main/resources/schemas/alert.schema.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TestAlerts() {
    }

    /** The example alert (rule ms-openai-amazon-dispute, score 1.0, language en) with a new id, story id and title. */
    public static ObjectNode alert(String title) {
        try {
            ObjectNode alert = (ObjectNode) MAPPER.readTree(Files.readString(ALERT_EXAMPLE)).get("examples").get(0);
            alert.put("alertId", UUID.randomUUID().toString().replace("-", ""));
            ((ObjectNode) alert.get("story")).put("storyId", UUID.randomUUID().toString().replace("-", "")).put("title", title);
            return alert;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Publishes the alerts to news.alerts with one producer, in one go. */
    public static void publish(String bootstrapServers, ObjectNode... alerts) {
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            companion.produceStrings().fromRecords(Arrays.stream(alerts).map(alert -> new ProducerRecord<>(Topics.ALERTS,
                    alert.get("story").get("storyId").asText(), alert.toString())).toList()).awaitCompletion(Duration.ofSeconds(30));
        }
    }
}
