package dev.newsalerts.poller.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rometools.rome.feed.synd.SyndFeed;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoryMapperTest {

    static final String FEED_URL = "https://news.example.com/feed.xml";
    private static final Instant NOW = Instant.parse("2026-03-18T10:00:00Z");

    static byte[] sampleFeed() throws IOException {
        try (InputStream in = StoryMapperTest.class.getResourceAsStream("/sample-rss.xml")) {
            return in.readAllBytes();
        }
    }

    @Test
    void anItemBecomesAStoryWithPlainTextAndACanonicalLink() throws IOException {
        List<Story> stories = stories();

        Story first = stories.get(0);
        assertThat(first.title()).isEqualTo("Microsoft weighs legal action over OpenAI's Amazon deal");
        assertThat(first.summary()).isEqualTo("Azure stays the exclusive cloud for stateless APIs.");
        assertThat(first.link()).isEqualTo("https://news.example.com/2026/03/ms-openai");
        assertThat(first.storyId()).isEqualTo(StoryIds.ofLink(first.link()));
        assertThat(first.feedTitle()).isEqualTo("Sample & News");
        assertThat(first.language()).isEqualTo("en-us");
        assertThat(first.authors()).containsExactly("A. Reporter");
        assertThat(first.categories()).containsExactly("Cloud");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2026-03-18T09:30:00Z"));
        assertThat(first.fetchedAt()).isEqualTo(NOW);
    }

    @Test
    void anItemWithoutALinkIsIdentifiedByItsGuidAndAnEmptyItemIsSkipped() throws IOException {
        List<Story> stories = stories();

        assertThat(stories).hasSize(2);
        assertThat(stories.get(1).link()).isNull();
        assertThat(stories.get(1).storyId()).isEqualTo(StoryIds.ofGuid(FEED_URL, "story-2"));
    }

    @Test
    void aDoctypeIsRefusedSoNoEntityIsEverExpanded() {
        String hostile = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><title>&xxe;</title></channel></rss>""";

        assertThatThrownBy(() -> FeedParser.parse(hostile.getBytes(StandardCharsets.UTF_8), "application/xml"))
                .isInstanceOf(FeedParser.FeedParseException.class)
                .hasMessageStartingWith("refused: the feed declares a DOCTYPE");
    }

    @Test
    void anHtmlPageIsNotAFeed() {
        assertThatThrownBy(() -> FeedParser.parse("<html><body>Hi</body></html>".getBytes(StandardCharsets.UTF_8), "text/html"))
                .isInstanceOf(FeedParser.FeedParseException.class);
    }

    private static List<Story> stories() throws IOException {
        SyndFeed feed = FeedParser.parse(sampleFeed(), "application/rss+xml");
        return StoryMapper.toStories(feed, new FeedSource(FEED_URL, null, "fr"), NOW);
    }
}
