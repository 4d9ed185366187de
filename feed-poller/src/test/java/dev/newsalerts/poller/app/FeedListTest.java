package dev.newsalerts.poller.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsalerts.poller.domain.FeedSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedListTest {

    @TempDir
    Path dir;

    @Test
    void aFeedMaySetItsOwnIntervalInTheShortOrTheIsoForm() throws IOException {
        List<FeedSource> feeds = FeedList.load(Optional.of(write("""
                feeds:
                  - url: https://a.example.com/feed
                    interval: 10m
                  - url: " https://b.example.com/feed "
                    interval: PT2H
                  - url: https://c.example.com/feed
                """)));

        assertThat(feeds).extracting(FeedSource::url, FeedSource::interval).containsExactly(
                org.assertj.core.groups.Tuple.tuple("https://a.example.com/feed", Duration.ofMinutes(10)),
                org.assertj.core.groups.Tuple.tuple("https://b.example.com/feed", Duration.ofHours(2)),
                org.assertj.core.groups.Tuple.tuple("https://c.example.com/feed", null));
    }

    @Test
    void aFeedMayAskForTheTextOfItsArticlesAndNoneDoesUnlessItAsks() throws IOException {
        List<FeedSource> feeds = FeedList.load(Optional.of(write("""
                feeds:
                  - url: https://teasers.example.com/feed
                    fullText: true
                  - url: https://full.example.com/feed
                """)));

        assertThat(feeds).extracting(FeedSource::fullText).containsExactly(true, false);
    }

    @Test
    void aFeedNamedTwiceInOtherSpellingsIsPolledOnceUnderItsNormalUrl() throws IOException {
        List<FeedSource> feeds = FeedList.load(Optional.of(write("""
                feeds:
                  - url: HTTPS://News.Example.com//feed.xml#top
                    name: First
                  - url: https://news.example.com/./feed.xml
                    name: Second
                """)));

        assertThat(feeds).extracting(FeedSource::url, FeedSource::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("https://news.example.com/feed.xml", "First"));
    }

    @Test
    void everyProblemOfTheFileIsNamedWithItsEntry() throws IOException {
        String file = write("""
                feeds:
                  - url: file:///etc/passwd
                  - url: https://a.example.com/feed
                    interval: 10s
                """);

        assertThatThrownBy(() -> FeedList.load(Optional.of(file)))
                .hasMessageContaining("feeds[0]: url must be an http or https URL with a host")
                .hasMessageContaining("feeds[1]: interval must be between 1m and 7d");
    }

    @Test
    void aKeyWrittenTwiceInOneFeedIsRefusedRatherThanTheFirstDropped() throws IOException {
        String file = write("""
                feeds:
                  - url: https://a.example.com/feed
                    interval: 10m
                    interval: 2h
                """);

        assertThatThrownBy(() -> FeedList.load(Optional.of(file))).hasMessageContaining("interval");
    }

    @Test
    void theBundledListIsValid() {
        assertThat(FeedList.load(Optional.empty())).hasSizeGreaterThan(10);
    }

    private String write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("feeds.yaml"), yaml).toString();
    }
}
