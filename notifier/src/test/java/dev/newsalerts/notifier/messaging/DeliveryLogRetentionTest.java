package dev.newsalerts.notifier.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsalerts.kafka.Topics;
import dev.newsalerts.localkafka.LocalKafkaTestResource;
import dev.newsalerts.notifier.SmtpServerResource;
import dev.newsalerts.notifier.WebhookReceiverResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The delivery log forgets deliveries after notifier.delivery.log-retention (7 days), in memory and in Kafka. */
@QuarkusTest
@WithTestResource(LocalKafkaTestResource.class)
@WithTestResource(WebhookReceiverResource.class)
@WithTestResource(SmtpServerResource.class)
class DeliveryLogRetentionTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "notifier.api-token")
    String token;

    @Test
    void theDeliveryLogTopicDeletesWhatIsOlderThanTheRetention() {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.DELIVERIES);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
                assertThat(config.get("cleanup.policy").value()).isEqualTo("compact,delete");
                assertThat(config.get("retention.ms").value()).isEqualTo(String.valueOf(Duration.ofDays(7).toMillis()));
            });
        }
    }

    @Test
    void deliveriesOlderThanTheRetentionAreLeftOutOfTheLog() {
        String id = given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body("{\"name\": \"old and new\", \"channel\": \"webhook\", \"target\": \"" + WebhookReceiverResource.url()
                        + "/" + UUID.randomUUID() + "\"}")
                .post("/subscriptions").then().statusCode(201).extract().path("id");
        Instant now = Instant.now();
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            companion.produceStrings().fromRecords(logRecord(id, "old-alert", now.minus(Duration.ofDays(8))),
                    logRecord(id, "new-alert", now.minus(Duration.ofDays(6)))).awaitCompletion(Duration.ofSeconds(30));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(given().header("Authorization", "Bearer " + token)
                .get("/subscriptions/" + id + "/deliveries").then().statusCode(200).extract().jsonPath().<String>getList("alertId"))
                .containsExactly("new-alert"));
    }

    private static ProducerRecord<String, String> logRecord(String subscriptionId, String alertId, Instant updatedAt) {
        String deliveryId = alertId + ":" + subscriptionId;
        return new ProducerRecord<>(Topics.DELIVERIES, deliveryId, """
                {"deliveryId": "%s", "subscriptionId": "%s", "alertId": "%s", "storyTitle": "A story", "state": "delivered",
                 "attemptCount": 1, "attempts": [{"number": 1, "at": "%s", "status": 204, "latencyMs": 3}], "updatedAt": "%s"}
                """.formatted(deliveryId, subscriptionId, alertId, updatedAt, updatedAt));
    }
}
