package dev.newsalerts.poller.domain;

import static dev.newsalerts.poller.LoopbackServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsalerts.poller.LoopbackServer;
import dev.newsalerts.poller.app.FetchException;
import dev.newsalerts.poller.app.FetchResult;
import dev.newsalerts.poller.client.FeedFetcher;
import dev.newsalerts.poller.config.PollerConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Feeds built to hurt the parser, served from loopback, fetched and parsed as the poller does. */
@Timeout(20)
class HostileFeedTest {

    private static final String FEED_URL = "https://news.example.com/feed.xml";

    private final LoopbackServer server = new LoopbackServer();
    private final FeedFetcher fetcher = new FeedFetcher(new TestLimits(), Clock.systemUTC());

    /** The default limits, with a shorter timeout. */
    record TestLimits() implements PollerConfig.Fetch {
        public Duration connectTimeout() {
            return Duration.ofSeconds(2);
        }

        public Duration timeout() {
            return Duration.ofSeconds(5);
        }

        public long maxBytes() {
            return 10 << 20;
        }

        public String userAgent() {
            return "news-alerts-test";
        }

        public Optional<List<String>> allowedNetworks() {
            return Optional.of(List.of("127.0.0.0/8"));
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void billionLaughsIsRefusedWithoutExpandingAnything() throws Exception {
        StringBuilder entities = new StringBuilder("<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            entities.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">");
        }
        String feed = "<?xml version=\"1.0\"?><!DOCTYPE rss [" + entities + "]>"
                + "<rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>";

        assertThatThrownBy(() -> fetchAndParse(feed, "application/rss+xml"))
                .isInstanceOf(FeedParser.FeedParseException.class)
                .hasMessageStartingWith("refused: the feed declares a DOCTYPE with its own entity definitions");
    }

    @Test
    void anExternalEntityNeverBringsALocalFileIntoAStory(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-7f3a");
        String feed = "<?xml version=\"1.0\"?>\n<!-- looks harmless -->\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \""
                + secret.toUri() + "\">]>\n<rss version=\"2.0\"><channel><title>t</title><item><title>&xxe;</title>"
                + "<link>https://news.example.com/a</link><description>&xxe;</description></item></channel></rss>";

        assertThatThrownBy(() -> fetchAndParse(feed, "application/rss+xml"))
                .isInstanceOf(FeedParser.FeedParseException.class)
                .hasMessageStartingWith("refused: the feed declares a DOCTYPE")
                .hasMessageNotContaining("TOP-SECRET");
    }

    @Test
    void aNamedDtdIsNeverFetchedAndAnOldNetscapeFeedStillReads() throws Exception {
        AtomicInteger dtdRequests = new AtomicInteger();
        String dtd = server.serve("/rss-0.91.dtd", exchange -> {
            dtdRequests.incrementAndGet();
            respond(exchange, 200, "<!ENTITY eacute \"TOP-SECRET\">".getBytes(StandardCharsets.UTF_8));
        });
        String feed = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \""
                + dtd + "\">\n<rss version=\"0.91\"><channel><title>Old &amp; fine</title><link>https://news.example.com/</link>"
                + "<description>d</description><item><title>Caf&eacute; opens</title><link>https://news.example.com/a</link>"
                + "</item></channel></rss>";

        List<Story> stories = StoryMapper.toStories(fetchAndParse(feed, "text/xml"), new FeedSource(FEED_URL, null, null),
                Instant.now());

        assertThat(stories).extracting(Story::title).containsExactly("Café opens");
        assertThat(dtdRequests).hasValue(0);
    }

    @Test
    void anEntityNoOneDeclaredIsAnErrorNotAnExpansion() {
        String feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>&xxe;</title></channel></rss>";

        assertThatThrownBy(() -> fetchAndParse(feed, "application/rss+xml"))
                .isInstanceOf(FeedParser.FeedParseException.class)
                .hasMessageContaining("The entity \"xxe\" was referenced, but not declared");
    }

    @Test
    void anHtmlPageIsNamedAsSuch() {
        String page = "<!DOCTYPE html>\n<html><head><title>Welcome</title></head><body>Hello</body></html>";

        assertThatThrownBy(() -> fetchAndParse(page, "text/html; charset=utf-8"))
                .isInstanceOf(FeedParser.FeedParseException.class)
                .hasMessage("an HTML page, not an RSS or Atom feed (Content-Type text/html; charset=utf-8)");
    }

    @Test
    void anEmptyOkAnswerIsNamedAsSuch() {
        assertThatThrownBy(() -> fetchAndParse("", "application/rss+xml"))
                .isInstanceOf(FeedParser.FeedParseException.class).hasMessage("empty response body");
    }

    @Test
    void xmlThatIsNeitherRssNorAtomNamesItsRootElement() {
        assertThatThrownBy(() -> fetchAndParse("<?xml version=\"1.0\"?><catalog><book/></catalog>", "application/xml"))
                .isInstanceOf(FeedParser.FeedParseException.class)
                .hasMessageStartingWith("not a valid RSS or Atom feed (root element <catalog>)");
    }

    @Test
    void brokenXmlIsNamedAsSuch() {
        assertThatThrownBy(() -> fetchAndParse("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</chan", "text/xml"))
                .isInstanceOf(FeedParser.FeedParseException.class)
                .hasMessageStartingWith("not a valid RSS or Atom feed (root element <rss>)");
    }

    private com.rometools.rome.feed.synd.SyndFeed fetchAndParse(String body, String contentType) throws FetchException {
        String url = server.serve("/feed.xml", exchange -> respond(exchange, 200, body.getBytes(StandardCharsets.UTF_8),
                "Content-Type", contentType));
        FetchResult result = fetcher.fetch(url, null, null);
        return FeedParser.parse(result.body(), result.contentType());
    }
}
