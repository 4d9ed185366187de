package dev.newsalerts.classifier.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsalerts.classifier.config.ClassifierConfig;
import dev.newsalerts.classifier.domain.Story;
import dev.newsalerts.classifier.domain.StoryText;
import io.quarkus.arc.Arc;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the value of a {@code news.stories} record into a {@link Story}: a JSON object of at most
 * {@code classifier.max-story-bytes} characters with a {@code storyId} and a title or a summary.
 * Its {@code content} (a {@code fullText} feed's article text) is optional: a story without one, or
 * with a null or non-text one, is read without content, never refused.
 * Anything else fails with an {@link InvalidStoryException} saying why, which the connector writes
 * as the {@code dead-letter-reason} of the record it parks in {@code news.stories.dlq}.
 */
public class StoryDeserializer implements Deserializer<Story> {

    private ObjectMapper mapper;
    private int maxStoryBytes;

    /** For the Kafka consumer, which calls {@link #configure} before the first record. */
    public StoryDeserializer() {
    }

    StoryDeserializer(ObjectMapper mapper, int maxStoryBytes) {
        this.mapper = mapper;
        this.maxStoryBytes = maxStoryBytes;
    }

    /** Takes the application's {@code ObjectMapper} and {@code classifier.max-story-bytes}: Kafka, not CDI, creates this class. */
    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.mapper = Arc.container().instance(ObjectMapper.class).get();
        this.maxStoryBytes = Arc.container().instance(ClassifierConfig.class).get().maxStoryBytes();
    }

    @Override
    public Story deserialize(String topic, byte[] data) {
        if (data == null) {
            throw new InvalidStoryException("empty record");
        }
        String json = new String(data, StandardCharsets.UTF_8);
        if (json.length() > maxStoryBytes) {
            throw new InvalidStoryException("story of " + json.length() + " characters exceeds the limit of " + maxStoryBytes);
        }
        JsonNode story;
        try {
            story = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidStoryException("not JSON: " + e.getOriginalMessage());
        }
        if (!story.isObject() || !story.path("storyId").isTextual()) {
            throw new InvalidStoryException("not a Story: no storyId");
        }
        if (!story.path("title").isTextual() && !story.path("summary").isTextual()) {
            throw new InvalidStoryException("not a Story: neither title nor summary");
        }
        return new Story(textOf(story, mapper), story);
    }

    /** What the classifier reads of a story event; a {@code content} that is not text is taken as none. */
    static StoryText textOf(JsonNode story, ObjectMapper mapper) {
        JsonNode content = story.get("content");
        if (content != null && !content.isTextual() && !content.isNull() && story instanceof ObjectNode object) {
            ObjectNode withoutContent = object.deepCopy();
            withoutContent.remove("content");
            return mapper.convertValue(withoutContent, StoryText.class);
        }
        return mapper.convertValue(story, StoryText.class);
    }
}
