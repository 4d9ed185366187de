package dev.newsalerts.classifier.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsalerts.classifier.domain.Story;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Each reason a record is not a readable story, as the dead-letter record will give it. */
class StoryDeserializerTest {

    private final StoryDeserializer deserializer = new StoryDeserializer(new ObjectMapper(), 200);

    @Test
    void aStoryIsReadWithTheFieldsTheClassifierNeedsAndKeptAsReceived() {
        Story story = read("{\"storyId\": \"s1\", \"title\": \"AWS raises prices\", \"feedUrl\": \"https://example.com/feed\"}");

        assertThat(story.text().storyId()).isEqualTo("s1");
        assertThat(story.text().title()).isEqualTo("AWS raises prices");
        assertThat(story.text().summary()).isNull();
        assertThat(story.received().get("feedUrl").asText()).isEqualTo("https://example.com/feed");
    }

    @Test
    void aFullTextStorysContentIsReadAndAStoryWithoutOneIsReadAllTheSame() {
        Story withContent = read("{\"storyId\": \"s1\", \"title\": \"Teaser\", \"summary\": \"More inside.\", "
                + "\"content\": \"Microsoft sues OpenAI.\\n\\nAmazon declined to comment.\"}");
        assertThat(withContent.text().content()).isEqualTo("Microsoft sues OpenAI.\n\nAmazon declined to comment.");
        assertThat(withContent.received().get("content").asText()).startsWith("Microsoft sues OpenAI.");

        assertThat(read("{\"storyId\": \"s2\", \"title\": \"Teaser\"}").text().content()).isNull();
        assertThat(read("{\"storyId\": \"s3\", \"title\": \"Teaser\", \"content\": null}").text().content()).isNull();
        Story odd = read("{\"storyId\": \"s4\", \"title\": \"Teaser\", \"content\": {\"text\": \"x\"}}");
        assertThat(odd.text().title()).as("a content that is not text is none, the story still read").isEqualTo("Teaser");
        assertThat(odd.text().content()).isNull();
        assertThat(odd.received().has("content")).as("the event is passed on as received").isTrue();
    }

    @Test
    void eachUnreadableStoryIsRefusedWithItsReason() {
        assertThatThrownBy(() -> read("{ not json")).isInstanceOf(InvalidStoryException.class).hasMessageStartingWith("not JSON: ");
        assertThatThrownBy(() -> read("[1, 2]")).hasMessage("not a Story: no storyId");
        assertThatThrownBy(() -> read("{\"storyId\": 7, \"title\": \"t\"}")).hasMessage("not a Story: no storyId");
        assertThatThrownBy(() -> read("{\"storyId\": \"s1\"}")).hasMessage("not a Story: neither title nor summary");
        assertThatThrownBy(() -> read("{\"storyId\": \"s1\", \"title\": \"" + "x".repeat(200) + "\"}"))
                .hasMessage("story of 230 characters exceeds the limit of 200");
    }

    private Story read(String json) {
        return deserializer.deserialize("news.stories", json.getBytes(StandardCharsets.UTF_8));
    }
}
