package dev.newsalerts.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what a topic holds now, from the beginning, from the last records of each partition or from
 * a time, up to the end offsets seen when it starts. Joins no consumer group and commits nothing.
 */
public final class TopicReader {

    private TopicReader() {
    }

    /**
     * @param clientConfig the application's Kafka settings ({@link ChannelTopics#clientConfig})
     * @param lastPerPartition how many of the last records of each partition; {@code Long.MAX_VALUE} for all
     */
    public static List<ConsumerRecord<String, String>> read(Map<String, Object> clientConfig, String topic,
            long lastPerPartition, Duration timeout) {
        Map<String, Object> config = oneShot(clientConfig, timeout);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            for (TopicPartition partition : partitions) {
                long from = end.get(partition) - Math.min(lastPerPartition, end.get(partition));
                consumer.seek(partition, Math.max(beginning.get(partition), from));
            }
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /**
     * The record at {@code offset} of {@code partition}, or empty where the partition no longer
     * holds it (retention or compaction removed it) or never did.
     *
     * @param clientConfig the application's Kafka settings ({@link ChannelTopics#clientConfig})
     * @throws org.apache.kafka.common.KafkaException when Kafka fails
     * @throws TimeoutException (Kafka's) when the read takes longer than {@code timeout}
     */
    public static Optional<ConsumerRecord<String, String>> readAt(Map<String, Object> clientConfig, TopicPartition partition,
            long offset, Duration timeout) {
        Map<String, Object> config = oneShot(clientConfig, timeout);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            if (consumer.partitionsFor(partition.topic()).stream().noneMatch(info -> info.partition() == partition.partition())) {
                return Optional.empty();
            }
            consumer.assign(List.of(partition));
            long first = consumer.beginningOffsets(List.of(partition)).get(partition);
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            if (offset < first || offset >= end) {
                return Optional.empty();
            }
            consumer.seek(partition, offset);
            while (consumer.position(partition) < end) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("reading " + partition + " at " + offset + " took over " + timeout.toSeconds() + " s");
                }
                ConsumerRecords<String, String> polled = consumer.poll(Duration.ofMillis(200));
                if (!polled.isEmpty()) { // the first record from there: ours, or the next one where ours is gone
                    ConsumerRecord<String, String> record = polled.iterator().next();
                    return record.offset() == offset ? Optional.of(record) : Optional.empty();
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Hands the key of every record written to {@code topic} since {@code since} (by its timestamp)
     * to {@code keys}, up to the end offsets seen when it starts; values are not deserialized.
     *
     * @param clientConfig the application's Kafka settings ({@link ChannelTopics#clientConfig})
     * @return how many records were read
     * @throws org.apache.kafka.common.KafkaException when Kafka fails
     * @throws TimeoutException (Kafka's) when the read takes longer than {@code timeout}
     */
    public static int keysSince(Map<String, Object> clientConfig, String topic, Instant since, Duration timeout,
            Consumer<String> keys) {
        Map<String, Object> config = oneShot(clientConfig, timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        int read = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndTimestamp> from = consumer.offsetsForTimes(
                    partitions.stream().collect(Collectors.toMap(partition -> partition, partition -> since.toEpochMilli())));
            for (TopicPartition partition : partitions) {
                OffsetAndTimestamp offset = from.get(partition);
                consumer.seek(partition, offset == null ? end.get(partition) : offset.offset());
            }
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("reading " + topic + " since " + since + " took over " + timeout.toSeconds() + " s");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null) {
                        keys.accept(record.key());
                    }
                    read++;
                }
            }
        }
        return read;
    }

    private static Map<String, Object> oneShot(Map<String, Object> clientConfig, Duration timeout) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        return config;
    }
}
