package dev.newsalerts.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class TopicReaderTest {

    @Test
    void keysSinceATimeAreTheKeysOfTheRecordsWrittenFromThenOn() throws Exception {
        String topic = TestKafka.newTopic("keys-since", 3, false);
        Instant since = Instant.now();
        try (KafkaProducer<String, String> producer = TestKafka.producer()) {
            producer.send(new ProducerRecord<>(topic, null, since.minusSeconds(3600).toEpochMilli(), "old", "x")).get();
            producer.send(new ProducerRecord<>(topic, null, since.plusSeconds(1).toEpochMilli(), "new-1", "x")).get();
            producer.send(new ProducerRecord<>(topic, null, since.plusSeconds(2).toEpochMilli(), "new-2", "x")).get();
            producer.send(new ProducerRecord<>(topic, null, since.plusSeconds(3).toEpochMilli(), null, "no key")).get();
        }
        List<String> keys = new ArrayList<>();

        int read = TopicReader.keysSince(TestKafka.clientConfig(), topic, since, Duration.ofSeconds(30), keys::add);

        assertThat(keys).containsExactlyInAnyOrder("new-1", "new-2");
        assertThat(read).isEqualTo(3);
    }

    @Test
    void keysSinceATimeAfterTheLastRecordAreNone() throws Exception {
        String topic = TestKafka.newTopic("keys-since-none", 2, false);
        try (KafkaProducer<String, String> producer = TestKafka.producer()) {
            producer.send(new ProducerRecord<>(topic, "a", "x")).get();
        }
        List<String> keys = new ArrayList<>();

        int read = TopicReader.keysSince(TestKafka.clientConfig(), topic, Instant.now().plusSeconds(60), Duration.ofSeconds(30),
                keys::add);

        assertThat(keys).isEmpty();
        assertThat(read).isZero();
    }

    @Test
    void aRecordIsReadAtItsPartitionAndOffsetUntilItIsDeleted() throws Exception {
        String topic = TestKafka.newTopic("read-at", 2, false);
        TopicPartition partition = new TopicPartition(topic, 1);
        long offset;
        try (KafkaProducer<String, String> producer = TestKafka.producer()) {
            producer.send(new ProducerRecord<>(topic, 1, "a", "first")).get();
            offset = producer.send(new ProducerRecord<>(topic, 1, "b", "second")).get().offset();
            producer.send(new ProducerRecord<>(topic, 1, "c", "third")).get();
        }
        Duration timeout = Duration.ofSeconds(30);

        assertThat(TopicReader.readAt(TestKafka.clientConfig(), partition, offset, timeout))
                .hasValueSatisfying(record -> assertThat(record.value()).isEqualTo("second"));
        assertThat(TopicReader.readAt(TestKafka.clientConfig(), partition, offset + 5, timeout)).isEmpty();
        assertThat(TopicReader.readAt(TestKafka.clientConfig(), new TopicPartition(topic, 7), 0, timeout)).isEmpty();

        try (Admin admin = Admin.create(TestKafka.clientConfig())) {
            admin.deleteRecords(Map.of(partition, RecordsToDelete.beforeOffset(offset + 1))).all().get();
        }
        assertThat(TopicReader.readAt(TestKafka.clientConfig(), partition, offset, timeout)).isEmpty();
    }
}
