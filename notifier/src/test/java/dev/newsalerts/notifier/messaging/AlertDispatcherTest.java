package dev.newsalerts.notifier.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.standardwebhooks.Webhook;
import dev.newsalerts.localkafka.LocalKafkaTestResource;
import dev.newsalerts.localkafka.TopicContents;
import dev.newsalerts.notifier.SmtpServerResource;
import dev.newsalerts.notifier.WebhookReceiverResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalKafkaTestResource.class)
@WithTestResource(WebhookReceiverResource.class)
@WithTestResource(SmtpServerResource.class)
class AlertDispatcherTest {

    /** A real alert as the classifier's contract describes it. */
    private static final Path ALERT_EXAMPLE = Path.of("../classifier/src/main/resources/schemas/alert.schema.json");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper mapper;

    @Test
    void anAlertReachesTheWebhookSignedAndTheInbox() throws Exception {
        String title = "Microsoft weighs <b>legal action</b> " + UUID.randomUUID();
        ObjectNode alert = alert(title);
        String alertId = alert.get("alertId").asText();
        publish(alert);

        WebhookReceiverResource.Delivery delivery = await().atMost(Duration.ofSeconds(30))
                .until(() -> deliveriesOf(alertId), list -> !list.isEmpty()).get(0);
        new Webhook(WebhookReceiverResource.SECRET).verify(delivery.body(), delivery.headers());
        assertThat(delivery.headers().get("Webhook-id")).containsExactly(alertId);
        JsonNode payload = mapper.readTree(delivery.body());
        assertThat(payload.get("type").asText()).isEqualTo("alert.matched");
        assertThat(payload.get("data").get("story").get("title").asText()).isEqualTo(title);
        assertThat(payload.get("data").get("matches").get(0).get("ruleId").asText()).isEqualTo("ms-openai-amazon-dispute");

        MimeMessage mail = await().atMost(Duration.ofSeconds(30)).until(() -> mailsAbout(title), list -> !list.isEmpty()).get(0);
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(SmtpServerResource.RECIPIENT);
        assertThat(mail.getSubject()).contains("Microsoft–OpenAI–Amazon cloud dispute");
        assertThat(part(mail, "text/plain")).contains(title).contains("legal action in title");
        assertThat(part(mail, "text/html")).contains("&lt;b&gt;legal action&lt;/b&gt;").doesNotContain("<b>legal");

        given().get("/alerts/recent").then().statusCode(200).body("alert.alertId", hasItem(alertId));
    }

    @Test
    void anUndeliverableAlertGoesToTheDeadLetterTopicNamingTheFailedWebhook() throws Exception {
        ObjectNode alert = alert("FAIL-ME " + UUID.randomUUID());
        String storyId = alert.get("story").get("storyId").asText();
        publish(alert);

        ConsumerRecord<String, String> dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> dlqRecordsWithKey(storyId), list -> !list.isEmpty()).get(0);
        String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertThat(reason).contains("webhook http://127.0.0.1").contains("HTTP 500");
        assertThat(deliveriesOf(alert.get("alertId").asText())).hasSize(3);
    }

    @Test
    void anUnreadableAlertGoesToTheDeadLetterTopic() {
        String key = UUID.randomUUID().toString();
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            companion.produceStrings().fromRecords(new ProducerRecord<>(Topics.ALERTS, key, "[1, 2"))
                    .awaitCompletion(Duration.ofSeconds(30));
        }
        ConsumerRecord<String, String> dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> dlqRecordsWithKey(key), list -> !list.isEmpty()).get(0);
        assertThat(new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("not JSON");
    }

    /** The decoded text of the first part of the given type, however deep the multipart nesting. */
    private static String part(jakarta.mail.Part part, String mimeType) throws Exception {
        if (part.isMimeType(mimeType)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), mimeType);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private ObjectNode alert(String title) throws Exception {
        ObjectNode alert = (ObjectNode) mapper.readTree(Files.readString(ALERT_EXAMPLE)).get("examples").get(0);
        String storyId = UUID.randomUUID().toString().replace("-", "");
        alert.put("alertId", UUID.randomUUID().toString().replace("-", ""));
        ((ObjectNode) alert.get("story")).put("storyId", storyId).put("title", title);
        return alert;
    }

    private void publish(ObjectNode alert) {
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            companion.produceStrings().fromRecords(new ProducerRecord<>(Topics.ALERTS,
                    alert.get("story").get("storyId").asText(), alert.toString())).awaitCompletion(Duration.ofSeconds(30));
        }
    }

    private List<WebhookReceiverResource.Delivery> deliveriesOf(String alertId) {
        return WebhookReceiverResource.deliveries().stream()
                .filter(delivery -> List.of(alertId).equals(delivery.headers().get("Webhook-id"))).toList();
    }

    private static List<MimeMessage> mailsAbout(String title) {
        return Arrays.stream(SmtpServerResource.mailbox().getReceivedMessages()).filter(mail -> {
            try {
                return mail.getSubject().contains(title.substring(title.length() - 36));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    private List<ConsumerRecord<String, String>> dlqRecordsWithKey(String key) {
        return TopicContents.readAll(bootstrapServers, Topics.ALERTS_DLQ).stream()
                .filter(record -> key.equals(record.key())).toList();
    }
}
