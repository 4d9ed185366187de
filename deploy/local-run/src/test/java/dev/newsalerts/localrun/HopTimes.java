package dev.newsalerts.localrun;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Where a story's time goes between publishing and the webhook, from the timestamps Kafka gives each
 * record when its producer sends it: a story's match on {@code news.matches} and its alert on
 * {@code news.alerts} (both keyed by story id), read back after a load run.
 */
final class HopTimes {

    /** The topics of the classifier's two steps (libs/kafka Topics; local-run does not depend on it). */
    static final String MATCHES = "news.matches";
    static final String ALERTS = "news.alerts";

    private HopTimes() {
    }

    /** Each record's send time (epoch ms) in {@code topic}, by key; the first record of a key wins. */
    static Map<String, Long> sentTimes(String bootstrapServers, String topic) {
        Properties config = new Properties();
        config.put("bootstrap.servers", bootstrapServers);
        config.put("enable.auto.commit", "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = Optional.ofNullable(consumer.partitionsFor(topic)).orElse(List.of()).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList(); // none in a build before clusters
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<String, Long> times = new HashMap<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    times.putIfAbsent(record.key(), record.timestamp());
                }
            }
            return times;
        }
    }

    /** {@code to - from} of one key in ms, or -1 where either time is unknown. */
    static long between(Map<String, Long> from, Map<String, Long> to, String key) {
        return from.containsKey(key) && to.containsKey(key) ? to.get(key) - from.get(key) : -1;
    }

    /** "name p50/p95/p99 ms" of {@code to - from} over the keys both have. */
    static String hop(String name, Collection<String> keys, Map<String, Long> from, Map<String, Long> to) {
        long[] millis = keys.stream()
                .filter(key -> from.containsKey(key) && to.containsKey(key))
                .mapToLong(key -> to.get(key) - from.get(key)).sorted().toArray();
        return String.format(" %s %d/%d/%d ms;", name, ProcessStats.percentile(millis, 50), ProcessStats.percentile(millis, 95),
                ProcessStats.percentile(millis, 99));
    }
}
