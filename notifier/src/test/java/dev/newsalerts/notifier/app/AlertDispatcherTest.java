package dev.newsalerts.notifier.app;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.standardwebhooks.Webhook;
import dev.newsalerts.kafka.Topics;
import dev.newsalerts.localkafka.LocalKafkaTestResource;
import dev.newsalerts.localkafka.TopicContents;
import dev.newsalerts.notifier.SmtpServerResource;
import dev.newsalerts.notifier.TestAlerts;
import dev.newsalerts.notifier.WebhookReceiverResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalKafkaTestResource.class)
@WithTestResource(WebhookReceiverResource.class)
@WithTestResource(SmtpServerResource.class)
class AlertDispatcherTest {

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
    void aDeliveryThatKeepsFailingIsRetriedThenParkedInTheDeliveryDeadLetterTopicWithTheReason() throws Exception {
        ObjectNode alert = alert("FAIL-ME " + UUID.randomUUID());
        String alertId = alert.get("alertId").asText();
        publish(alert);

        ConsumerRecord<String, String> dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> deadDeliveriesOf(alertId), list -> !list.isEmpty()).get(0);
        assertThat(dead.key()).isEqualTo("config-test-hook");
        String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertThat(reason).isEqualTo("all 5 attempts failed, the last: receiver answered HTTP 500");
        assertThat(deliveriesOf(alertId)).hasSize(5);
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsAbout(alert.get("story").get("title").asText()).size() == 1);
    }

    @Test
    void anUnreadableAlertGoesToTheDeadLetterTopic() {
        String key = UUID.randomUUID().toString();
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            companion.produceStrings().fromRecords(new ProducerRecord<>(Topics.ALERTS, key, "{\"alertId\": \"a\", "))
                    .awaitCompletion(Duration.ofSeconds(30));
        }
        ConsumerRecord<String, String> dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> dlqRecordsWithKey(key), list -> !list.isEmpty()).get(0);
        assertThat(new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("not JSON");
        // news.alerts is read twice (webhooks, email); once the email group is past the record, it is still one dead letter
        await().atMost(Duration.ofSeconds(30)).until(() -> committedByEmail(dead.partition()) > offsetOf(key));
        assertThat(dlqRecordsWithKey(key)).hasSize(1);
    }

    private long offsetOf(String key) {
        return TopicContents.readAll(bootstrapServers, Topics.ALERTS).stream().filter(record -> key.equals(record.key()))
                .findFirst().orElseThrow().offset();
    }

    private long committedByEmail(int partition) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets("notifier-email").partitionsToOffsetAndMetadata()
                    .get().get(new TopicPartition(Topics.ALERTS, partition));
            return committed == null ? -1 : committed.offset();
        }
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

    private ObjectNode alert(String title) {
        return TestAlerts.alert(title);
    }

    private void publish(ObjectNode alert) {
        TestAlerts.publish(bootstrapServers, alert);
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

    private List<ConsumerRecord<String, String>> deadDeliveriesOf(String alertId) {
        return TopicContents.readAll(bootstrapServers, Topics.DELIVERIES_DLQ).stream()
                .filter(record -> record.value() != null && record.value().contains(alertId)).toList();
    }
}
