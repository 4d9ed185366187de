package dev.newsalerts.notifier.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsalerts.kafka.ChannelTopics;
import dev.newsalerts.localkafka.LocalKafkaTestResource;
import dev.newsalerts.notifier.SmtpServerResource;
import dev.newsalerts.notifier.WebhookReceiverResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A notifier upgraded to email in a consumer group of its own: the email group, with no offsets yet,
 * starts where the webhook group stands, not at the first alert Kafka still has (which would email
 * them all again).
 */
@QuarkusTest
@WithTestResource(LocalKafkaTestResource.class)
@WithTestResource(WebhookReceiverResource.class)
@WithTestResource(SmtpServerResource.class)
class EmailAlertsHandoverTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AlertsChannel alerts;

    @Inject
    ChannelTopics topics;

    @Test
    void anEmailGroupWithoutOffsetsStartsWhereTheWebhookGroupStands() throws InterruptedException {
        String topic = "alerts-" + UUID.randomUUID();
        publish(topic, "handled before the upgrade", "handled before the upgrade too", "after the upgrade");
        String webhookGroup = committedAt(topic, 2);

        assertThat(read(topic, "email-" + UUID.randomUUID(), webhookGroup, 1)).containsExactly("after the upgrade");
    }

    @Test
    void anEmailGroupWithOffsetsOfItsOwnKeepsThem() throws InterruptedException {
        String topic = "alerts-" + UUID.randomUUID();
        publish(topic, "one", "two", "three");
        String webhookGroup = committedAt(topic, 3);
        String emailGroup = committedAt(topic, 1);

        assertThat(read(topic, emailGroup, webhookGroup, 2)).containsExactly("two", "three");
    }

    @Test
    void whereANewEmailGroupStartsIsItsOwnBeforeItHasEmailedAnything() throws InterruptedException {
        String topic = "alerts-" + UUID.randomUUID();
        publish(topic, "one", "two", "three");
        String webhookGroup = "group-" + UUID.randomUUID(); // a new installation: webhooks have no offset either
        String emailGroup = "email-" + UUID.randomUUID();
        read(topic, emailGroup, webhookGroup, 3); // read, nothing committed: the instance stopped before it emailed

        String webhooksLater = committedAt(topic, 3, webhookGroup);

        assertThat(read(topic, emailGroup, webhooksLater, 3)).as("not skipped to where webhooks are by then")
                .containsExactly("one", "two", "three");
    }

    /** A new consumer group that has committed {@code offset} on the topic's partition 0. */
    private String committedAt(String topic, long offset) {
        return committedAt(topic, offset, "group-" + UUID.randomUUID());
    }

    private String committedAt(String topic, long offset, String group) {
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<String, String> consumer = consumer(group)) {
            consumer.assign(List.of(partition));
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(offset)));
        }
        return group;
    }

    /** What the email group reads of the topic, started by the handover, waiting for {@code expected} records (and any more). */
    private List<String> read(String topic, String emailGroup, String webhookGroup, int expected) {
        EmailAlertsHandover handover = new EmailAlertsHandover(alerts, topics, webhookGroup);
        List<String> read = new ArrayList<>();
        try (KafkaConsumer<String, String> emails = consumer(emailGroup)) {
            emails.subscribe(Set.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    handover.onPartitionsAssigned(emails, partitions);
                }

                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                }
            });
            Instant deadline = Instant.now().plusSeconds(30);
            while (read.size() < expected && Instant.now().isBefore(deadline)) {
                emails.poll(Duration.ofMillis(500)).forEach(record -> read.add(record.value()));
            }
            emails.poll(Duration.ofMillis(500)).forEach(record -> read.add(record.value())); // one more look for any extra
        }
        return read;
    }

    private void publish(String topic, String... values) throws InterruptedException {
        assertThat(topics.createMissing(Set.of(topic))).as("topic created").isTrue();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrapServers),
                new StringSerializer(), new StringSerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, 0, null, value));
            }
        }
    }

    private KafkaConsumer<String, String> consumer(String group) {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers, "group.id", group,
                "auto.offset.reset", "earliest", "enable.auto.commit", "false"), new StringDeserializer(), new StringDeserializer());
    }
}
