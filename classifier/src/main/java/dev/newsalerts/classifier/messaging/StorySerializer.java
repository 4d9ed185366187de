package dev.newsalerts.classifier.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsalerts.classifier.domain.Story;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes the value of a record parked in {@code news.stories.dlq}: the bytes as sent for a story
 * that could not be read (from the header {@link UnreadableStories} put them in, which it then
 * drops), the story as received for one whose alert could not be published. The connector's
 * dead-letter producer finds it by name, after {@link StoryDeserializer}.
 */
public class StorySerializer implements Serializer<Story> {

    /** The header that carries an unreadable story's bytes from the consumer to the dead-letter producer. */
    static final String AS_SENT = "classifier-story-as-sent";

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public byte[] serialize(String topic, Headers headers, Story story) {
        Header asSent = headers == null ? null : headers.lastHeader(AS_SENT);
        if (asSent != null) {
            headers.remove(AS_SENT);
            return asSent.value();
        }
        return serialize(topic, story);
    }

    @Override
    public byte[] serialize(String topic, Story story) {
        if (story == null) {
            return null;
        }
        try {
            return mapper.writeValueAsBytes(story.received());
        } catch (JsonProcessingException e) {
            throw new SerializationException("cannot write story " + story.text().storyId(), e);
        }
    }
}
