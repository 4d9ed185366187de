package dev.newsalerts.poller.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HubLinksTest {

    @Test
    void anAtomFeedNamesItsHubAndSelf() {
        String atom = """
                <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:x</id><updated>2026-01-01T00:00:00Z</updated>
                  <link rel="alternate" href="https://example.com/"/>
                  <link rel="hub" href="https://hub.example.com/"/>
                  <link rel="self" href="https://example.com/feed.atom"/>
                </feed>""";

        assertThat(HubLinks.of(FeedParser.parse(atom.getBytes(StandardCharsets.UTF_8), null)))
                .contains(new HubLinks("https://hub.example.com/", "https://example.com/feed.atom"));
    }

    @Test
    void anRssChannelNamesThemWithAtomLinks() {
        String rss = """
                <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>t</title><link>https://example.com/</link>
                  <atom:link rel="hub" href="https://pubsubhubbub.appspot.com/"/>
                  <atom:link rel="self" href="https://example.com/feed.rss" type="application/rss+xml"/>
                  <item><title>a</title><link>https://example.com/a</link></item>
                </channel></rss>""";

        assertThat(HubLinks.of(FeedParser.parse(rss.getBytes(StandardCharsets.UTF_8), null)))
                .contains(new HubLinks("https://pubsubhubbub.appspot.com/", "https://example.com/feed.rss"));
    }

    @Test
    void aFeedWithoutAHubOrWithoutASelfUrlHasNone() {
        String noSelf = """
                <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>t</title>
                  <atom:link rel="hub" href="https://hub.example.com/"/></channel></rss>""";
        String plain = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>";

        assertThat(HubLinks.of(FeedParser.parse(noSelf.getBytes(StandardCharsets.UTF_8), null))).isEmpty();
        assertThat(HubLinks.of(FeedParser.parse(plain.getBytes(StandardCharsets.UTF_8), null))).isEmpty();
    }

    @Test
    void theHubIsCalledAtItsNormalUrlAndTheSelfUrlIsKeptAsTheFeedSpellsIt() {
        HubLinks links = new HubLinks("HTTPS://Hub.Example.com:443//#x", "https://Example.com/feed.atom");

        assertThat(links.checked()).isEqualTo(new HubLinks("https://hub.example.com/", "https://Example.com/feed.atom"));
    }

    @Test
    void aHubOrSelfLinkWithAPasswordIsRefusedNamingIt() {
        assertThatThrownBy(() -> new HubLinks("https://user:pw@hub.example.com/", "https://example.com/feed").checked())
                .isInstanceOf(FeedUrl.Invalid.class)
                .hasMessageStartingWith("hub link https://user:pw@hub.example.com/ must not contain");
        assertThatThrownBy(() -> new HubLinks("https://hub.example.com/", "ftp://example.com/feed").checked())
                .hasMessage("self link ftp://example.com/feed must be an http or https URL with a host");
    }
}
