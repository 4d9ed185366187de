package dev.newsalerts.poller.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.newsalerts.poller.domain.FeedParser;
import dev.newsalerts.poller.domain.FeedSource;
import dev.newsalerts.poller.domain.Story;
import dev.newsalerts.poller.domain.StoryMapper;
import java.io.InputStream;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The Story events this service writes are what {@code schemas/story.schema.json} promises its consumers. */
class StoryContractTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void publishedStoriesMatchTheSchema() throws Exception {
        byte[] feed;
        try (InputStream in = getClass().getResourceAsStream("/sample-rss.xml")) {
            feed = in.readAllBytes();
        }
        for (Story story : StoryMapper.toStories(FeedParser.parse(feed, "application/rss+xml"),
                new FeedSource("https://news.example.com/feed.xml", "Sample", "en"), Instant.now())) {
            assertThat(schema().validate(MAPPER.valueToTree(story))).as(story.toString()).isEmpty();
        }
    }

    @Test
    void aStoryWithTheTextOfItsArticleMatchesTheSchema() throws Exception {
        byte[] feed;
        try (InputStream in = getClass().getResourceAsStream("/sample-rss.xml")) {
            feed = in.readAllBytes();
        }
        Story story = StoryMapper.toStories(FeedParser.parse(feed, "application/rss+xml"),
                new FeedSource("https://news.example.com/feed.xml", "Sample", "en"), Instant.now()).get(0)
                .withContent("The first paragraph of the article.\n\nThe second one.");
        JsonNode json = MAPPER.valueToTree(story);
        assertThat(json.get("content").asText()).startsWith("The first paragraph");
        assertThat(schema().validate(json)).isEmpty();
        assertThat(MAPPER.valueToTree(story.withContent(null)).has("content")).as("absent, not null, without content").isFalse();
    }

    @Test
    void theSchemaExampleConsumersTestAgainstIsValid() throws Exception {
        JsonNode schemaNode = schemaNode();
        assertThat(schema().validate(schemaNode.get("examples").get(0))).isEmpty();
    }

    static JsonNode schemaNode() throws Exception {
        try (InputStream in = StoryContractTest.class.getResourceAsStream("/schemas/story.schema.json")) {
            return MAPPER.readTree(in);
        }
    }

    private static JsonSchema schema() throws Exception {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode());
    }
}
