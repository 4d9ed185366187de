package dev.newsalerts.classifier.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsalerts.classifier.domain.StoryText;
import dev.newsalerts.topics.ChannelTopics;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the latest stories of {@code news.stories}, for back-testing candidate rules. Joins no consumer group. */
@ApplicationScoped
public class StoryHistory {

    private static final Duration KAFKA_WAIT = Duration.ofSeconds(15);

    private final ChannelTopics kafka;
    private final ObjectMapper mapper;

    public StoryHistory(ChannelTopics kafka, ObjectMapper mapper) {
        this.kafka = kafka;
        this.mapper = mapper;
    }

    /** The last {@code count} readable stories, oldest first. @throws org.apache.kafka.common.errors.TimeoutException when Kafka does not answer */
    public List<StoryText> latest(int count) {
        Map<String, Object> config = new HashMap<>(kafka.clientConfig(ConsumerConfig.configNames()));
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) KAFKA_WAIT.toMillis());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.STORIES).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            for (TopicPartition partition : partitions) {
                consumer.seek(partition, Math.max(beginning.get(partition), end.get(partition) - count));
            }
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        records.sort(Comparator.comparingLong(ConsumerRecord::timestamp));
        List<StoryText> stories = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records.subList(Math.max(0, records.size() - count), records.size())) {
            try {
                StoryText story = mapper.readValue(record.value(), StoryText.class);
                if (story.storyId() != null) {
                    stories.add(story);
                }
            } catch (JsonProcessingException | IllegalArgumentException e) {
                // unreadable stories went to the dead-letter topic when they arrived; a back-test skips them
            }
        }
        return stories;
    }
}
