package dev.newsalerts.poller.messaging;

import dev.newsalerts.kafka.Topics;
import io.quarkus.logging.Log;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The ids of the stories written to {@code news.stories} since a given time, by any instance: a
 * one-shot read from the offsets of that time to the end offsets seen when it starts, without a
 * consumer group. The only {@link KafkaConsumer} of the feed-poller: the library's
 * {@code TopicReader} reads from the beginning or the last records of each partition, not from a
 * time, and {@code news.stories} is not compacted.
 */
final class RecentStoryIds {

    private RecentStoryIds() {
    }

    /**
     * Hands the key of every record written since {@code since} to {@code ids}; gives up, saying so,
     * after {@code timeout} or when Kafka fails.
     *
     * @return how many records were read
     */
    static int read(Map<String, Object> clientConfig, Instant since, Duration timeout, Consumer<String> ids) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        long deadline = System.nanoTime() + timeout.toNanos();
        int read = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.STORIES).stream()
                    .map(info -> new TopicPartition(Topics.STORIES, info.partition())).toList();
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
                    Log.warnf("Reading the stories published since %s took over %d s; some may be published again", since,
                            timeout.toSeconds());
                    break;
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null) {
                        ids.accept(record.key());
                    }
                    read++;
                }
            }
        } catch (KafkaException e) {
            Log.warnf("Could not read the stories published since %s (%s); some may be published again", since, e.getMessage());
        }
        return read;
    }
}
