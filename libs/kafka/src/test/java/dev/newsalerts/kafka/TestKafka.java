package dev.newsalerts.kafka;

import static org.awaitility.Awaitility.await;

import dev.newsalerts.localkafka.LocalKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/** The one real broker this test JVM's classes share (starting one takes seconds), and small helpers around it. */
final class TestKafka {

    private static LocalKafka broker;

    private TestKafka() {
    }

    static synchronized LocalKafka broker() {
        if (broker == null || !broker.isRunning()) {
            try {
                broker = LocalKafka.start(Files.createTempDirectory("kafka-support-test"), 0);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the local Kafka broker", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting the local Kafka broker", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "local-kafka-stop"));
        }
        return broker;
    }

    static Map<String, Object> clientConfig() {
        return Map.of("bootstrap.servers", broker().bootstrapServers());
    }

    /** Creates a topic of its own for one test. */
    static String newTopic(String prefix, int partitions, boolean compacted) {
        String name = prefix + "-" + UUID.randomUUID();
        NewTopic topic = new NewTopic(name, partitions, (short) 1);
        if (compacted) {
            topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        }
        try (Admin admin = Admin.create(clientConfig())) {
            admin.createTopics(List.of(topic)).all().get();
            // a producer writing before every partition has a leader may see its first records time out
            await().atMost(Duration.ofSeconds(30)).until(() -> admin.describeTopics(List.of(name)).allTopicNames().get()
                    .get(name).partitions().stream().allMatch(partition -> partition.leader() != null));
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not create topic " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return name;
    }

    static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(clientConfig(), new StringSerializer(), new StringSerializer());
    }

    /** Writes one record and returns once the broker has it. */
    static RecordMetadata send(KafkaProducer<String, String> producer, String topic, Integer partition, String key,
            String value) {
        try {
            return producer.send(new ProducerRecord<>(topic, partition, key, value)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not write to " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
