package dev.newsalerts.localkafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaClusterTest {

    @TempDir
    Path dataDir;

    @Test
    void aThreeNodeClusterKeepsTakingAndServingWritesWhenOneNodeIsKilledAndTakesItBack() throws Exception {
        try (LocalKafkaCluster cluster = LocalKafkaCluster.start(dataDir, 3)) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("greetings", 3, (short) 3))).all().get();
                assertThat(admin.describeCluster().nodes().get()).hasSize(3);
            }
            try (KafkaProducer<String, String> producer = producer(cluster)) {
                producer.send(new ProducerRecord<>("greetings", "a", "before")).get();
                cluster.kill(2);
                assertThat(cluster.isRunning(2)).isFalse();
                producer.send(new ProducerRecord<>("greetings", "b", "after")).get();
            }

            assertThat(TopicContents.readAll(cluster.bootstrapServers(), "greetings")).extracting(ConsumerRecord::value)
                    .containsExactlyInAnyOrder("before", "after");
            cluster.restart(2);
            assertThat(cluster.isRunning(2)).isTrue();
        }
    }

    private static KafkaProducer<String, String> producer(LocalKafkaCluster cluster) {
        return new KafkaProducer<>(Map.of("bootstrap.servers", cluster.bootstrapServers(), "acks", "all"),
                new StringSerializer(), new StringSerializer());
    }
}
