package dev.newsalerts.classifier.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsalerts.classifier.app.RecentStories;
import dev.newsalerts.classifier.app.StoriesUnavailableException;
import dev.newsalerts.classifier.domain.StoryText;
import dev.newsalerts.kafka.ChannelTopics;
import dev.newsalerts.kafka.TopicReader;
import dev.newsalerts.kafka.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;

/**
 * Reads the latest stories of {@code news.stories}, for back-testing candidate rules: their title,
 * summary, link and content (so that a rule naming {@code content} is tested on what it will see).
 * Joins no consumer group.
 */
@ApplicationScoped
public class StoryHistory implements RecentStories {

    private static final Duration KAFKA_WAIT = Duration.ofSeconds(15);

    private final ChannelTopics kafka;
    private final ObjectMapper mapper;

    public StoryHistory(ChannelTopics kafka, ObjectMapper mapper) {
        this.kafka = kafka;
        this.mapper = mapper;
    }

    @Override
    public List<StoryText> latest(int count) {
        List<ConsumerRecord<String, String>> records;
        try {
            records = new ArrayList<>(TopicReader.read(
                    kafka.clientConfig(ConsumerConfig.configNames()), Topics.STORIES, count, KAFKA_WAIT));
        } catch (KafkaException e) {
            throw new StoriesUnavailableException("cannot read " + Topics.STORIES + ": " + e.getMessage(), e);
        }
        records.sort(Comparator.comparingLong(ConsumerRecord::timestamp));
        List<StoryText> stories = new ArrayList<>();
        for (int i = Math.max(0, records.size() - count); i < records.size(); i++) {
            String value = records.get(i).value();
            records.set(i, null); // a story keeps its content (up to 20,000 chars): let its record go as it is read
            try {
                StoryText story = value == null ? null : StoryDeserializer.textOf(mapper.readTree(value), mapper);
                if (story != null && story.storyId() != null) {
                    stories.add(story);
                }
            } catch (JsonProcessingException | IllegalArgumentException e) {
                // unreadable stories went to the dead-letter topic when they arrived; a back-test skips them
            }
        }
        return stories;
    }
}
