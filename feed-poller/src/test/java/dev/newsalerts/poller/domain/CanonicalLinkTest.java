package dev.newsalerts.poller.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CanonicalLinkTest {

    private static final String FEED = "https://news.example.com/feed.xml";

    @Test
    void trackingParametersAndTheFragmentAreRemoved() {
        assertThat(CanonicalLink.of("https://news.example.com/a?id=7&utm_source=rss&utm_medium=feed&fbclid=x#comments", FEED))
                .contains("https://news.example.com/a?id=7");
    }

    @Test
    void schemeAndHostAreLowerCasedAndTheDefaultPortDropped() {
        assertThat(CanonicalLink.of("HTTPS://News.Example.COM:443/Story/One", FEED))
                .contains("https://news.example.com/Story/One");
    }

    @Test
    void aRelativeLinkIsResolvedAgainstTheFeed() {
        assertThat(CanonicalLink.of("/2026/03/story", FEED)).contains("https://news.example.com/2026/03/story");
    }

    @Test
    void aNonHttpLinkHasNoCanonicalForm() {
        assertThat(CanonicalLink.of("urn:uuid:1234", FEED)).isEmpty();
        assertThat(CanonicalLink.of("javascript:alert(1)", FEED)).isEmpty();
        assertThat(CanonicalLink.of("  ", FEED)).isEmpty();
    }

    @Test
    void twoTrackingVariantsOfOneArticleGetTheSameStoryId() {
        String a = StoryIds.ofLink(CanonicalLink.of("https://x.com/a?utm_campaign=1", FEED).orElseThrow());
        String b = StoryIds.ofLink(CanonicalLink.of("https://X.com/a#top", FEED).orElseThrow());
        assertThat(a).isEqualTo(b).hasSize(32);
    }
}
