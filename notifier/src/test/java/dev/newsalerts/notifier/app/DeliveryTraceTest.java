package dev.newsalerts.notifier.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsalerts.kafka.Topics;
import dev.newsalerts.localkafka.LocalKafkaTestResource;
import dev.newsalerts.notifier.SetApartNotifier;
import dev.newsalerts.notifier.SmtpServerResource;
import dev.newsalerts.notifier.TestAlerts;
import dev.newsalerts.notifier.WebhookReceiverResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * An alert's trace (the W3C {@code traceparent} its record carries, begun when the feed-poller
 * fetched the story) goes on into the webhook request of each of its deliveries, so a receiver
 * joins the trace. With tracing on and a real broker.
 */
@QuarkusTest
@TestProfile(SetApartNotifier.class)
@WithTestResource(LocalKafkaTestResource.class)
@WithTestResource(WebhookReceiverResource.class)
@WithTestResource(SmtpServerResource.class)
class DeliveryTraceTest {

    private static final int ALERTS = 60;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void eachWebhookRequestCarriesTheTraceOfItsOwnAlertWhileManyAlertsAreUnderWay() {
        Map<String, String> traceOfAlert = new HashMap<>();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < ALERTS; i++) {
            ObjectNode alert = TestAlerts.alert("Microsoft weighs legal action, traced " + i);
            String traceId = randomHex(16);
            traceOfAlert.put(alert.get("alertId").asText(), traceId);
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ALERTS, alert.get("story").get("storyId").asText(),
                    alert.toString());
            record.headers().add("traceparent", ("00-" + traceId + "-" + randomHex(8) + "-01").getBytes(StandardCharsets.UTF_8));
            records.add(record);
        }
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            companion.produceStrings().fromRecords(records).awaitCompletion(Duration.ofSeconds(30)); // all at once
        }

        List<WebhookReceiverResource.Delivery> received = await().atMost(Duration.ofSeconds(60))
                .until(() -> WebhookReceiverResource.deliveries().stream()
                        .filter(delivery -> traceOfAlert.containsKey(alertId(delivery))).toList(), list -> list.size() >= ALERTS);

        assertThat(received).allSatisfy(delivery -> assertThat(traceId(delivery))
                .as("the trace of the request for alert %s", alertId(delivery)).isEqualTo(traceOfAlert.get(alertId(delivery))));
    }

    private static String alertId(WebhookReceiverResource.Delivery delivery) {
        List<String> ids = delivery.headers().get("Webhook-id");
        return ids == null ? "" : ids.get(0);
    }

    /** The trace id of the request's {@code traceparent} ({@code 00-<trace id>-<span id>-<flags>}), or "none". */
    private static String traceId(WebhookReceiverResource.Delivery delivery) {
        List<String> traceparent = delivery.headers().get("Traceparent");
        return traceparent == null ? "none" : traceparent.get(0).split("-")[1];
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
