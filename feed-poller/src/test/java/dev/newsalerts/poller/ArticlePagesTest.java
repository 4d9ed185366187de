package dev.newsalerts.poller;

import static dev.newsalerts.poller.LoopbackServer.respond;
import static org.assertj.core.api.Assertions.assertThat;

import dev.newsalerts.netguard.AddressGuard;
import dev.newsalerts.poller.app.FullText;
import dev.newsalerts.poller.app.HostLimiter;
import dev.newsalerts.poller.client.ArticleFetcher;
import dev.newsalerts.poller.config.PollerConfig;
import dev.newsalerts.poller.domain.ArticleOutcome;
import dev.newsalerts.poller.domain.FeedSource;
import dev.newsalerts.poller.domain.FullTextHealth;
import dev.newsalerts.poller.domain.Story;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The article pages of a fullText feed, read through the real guarded client from real servers on
 * loopback: the main text becomes the story's content, and a page that cannot be read leaves its story
 * without content, saying why.
 */
class ArticlePagesTest {

    private final LoopbackServer server = new LoopbackServer();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        server.close();
    }

    @Test
    void aStoryOfAFullTextFeedCarriesTheMainTextOfItsArticleWithoutTheMenusAndFooters() throws Exception {
        String url = server.serve("/news/strike", exchange -> respond(exchange, 200, articlePage(), "Content-Type", "text/html; charset=utf-8"));

        FullText.Read read = fullText(limits(Duration.ofSeconds(5), 2_000_000), 20_000, Duration.ofSeconds(30))
                .read(feed(true), List.of(story(url)), false);

        String content = read.stories().get(0).content();
        assertThat(content).contains("demurrage charges").contains("night-shift pay").contains("\n\n")
                .doesNotContain("Most read", "Copyright", "cookies", "Business", "More on ports");
        assertThat(read.outcomes()).containsExactly(ArticleOutcome.read(url));
    }

    @Test
    void aLongArticleIsCutToTheConfiguredLength() throws Exception {
        String url = server.serve("/news/long", exchange -> respond(exchange, 200, articlePage(), "Content-Type", "text/html"));

        String content = fullText(limits(Duration.ofSeconds(5), 2_000_000), 120, Duration.ofSeconds(30))
                .read(feed(true), List.of(story(url)), false).stories().get(0).content();

        assertThat(content).hasSizeLessThanOrEqualTo(120).endsWith("…");
    }

    @Test
    void pagesThatCannotBeReadLeaveTheirStoriesWithoutContentAndTheHealthSaysWhy() throws Exception {
        String slow = server.serve("/slow", exchange -> {
            await();
            respond(exchange, 200, articlePage(), "Content-Type", "text/html");
        });
        String broken = server.serve("/broken", exchange -> respond(exchange, 500, new byte[0]));
        String pdf = server.serve("/paper.pdf", exchange -> respond(exchange, 200, "%PDF-1.7".getBytes(StandardCharsets.US_ASCII),
                "Content-Type", "application/pdf"));
        String huge = server.serve("/huge", exchange -> respond(exchange, 200, new byte[300_000], "Content-Type", "text/html"));
        String empty = server.serve("/empty", exchange -> respond(exchange, 200, "<html><body><nav>Home</nav></body></html>"
                .getBytes(StandardCharsets.UTF_8), "Content-Type", "text/html"));
        String good = server.serve("/good", exchange -> respond(exchange, 200, articlePage(), "Content-Type", "text/html"));
        List<String> urls = List.of(slow, broken, pdf, huge, empty, good);

        FullText.Read read = fullText(limits(Duration.ofSeconds(1), 200_000), 20_000, Duration.ofSeconds(30))
                .read(feed(true), urls.stream().map(ArticlePagesTest::story).toList(), false);

        assertThat(read.stories()).hasSize(6).extracting(Story::link).containsExactlyElementsOf(urls);
        assertThat(read.stories()).extracting(Story::content).filteredOn(Objects::nonNull).hasSize(1);
        assertThat(read.stories().get(5).content()).contains("demurrage charges");
        assertThat(read.outcomes()).extracting(ArticleOutcome::reason)
                .containsExactly("timeout", "http_status", "not_html", "too_large", "no_text", null);
        String problem = FullTextHealth.NONE.after(read.outcomes()).problem();
        assertThat(problem).startsWith("fullText: 5 of the last 6 articles could not be read: ")
                .contains("no article text found on the page at " + empty);
    }

    @Test
    void aPageOnAPrivateAddressIsRefusedByTheSsrfGuardAndItsStoryStillGoesOut() {
        FullText guarded = new FullText(new ArticleFetcher(limits(Duration.ofSeconds(2), 200_000), new AddressGuard(List.of(), "x"),
                Clock.systemUTC()), new HostLimiter(2), settings(20_000, Duration.ofSeconds(10)), new SimpleMeterRegistry());

        FullText.Read read = guarded.read(feed(true), List.of(story("http://10.1.2.3/article")), false);

        assertThat(read.stories().get(0).content()).isNull();
        assertThat(read.outcomes().get(0).reason()).isEqualTo("refused_address");
        assertThat(read.outcomes().get(0).problem()).contains("10.1.2.3").contains("private");
    }

    @Test
    void thePollDeadlineBoundsTheWaitForArticlePages() throws Exception {
        String slow = server.serve("/slower", exchange -> {
            await();
            respond(exchange, 200, articlePage(), "Content-Type", "text/html");
        });
        long start = System.nanoTime();

        FullText.Read read = fullText(limits(Duration.ofSeconds(30), 200_000), 20_000, Duration.ofMillis(500))
                .read(feed(true), List.of(story(slow), story(slow + "?2")), false);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(read.stories()).extracting(Story::content).containsOnlyNulls();
        assertThat(read.outcomes()).extracting(ArticleOutcome::reason).containsOnly("deadline");
    }

    @Test
    void aFeedThatIsNotFullTextFetchesNoPage() {
        Story story = story(server.url("/never"));

        FullText.Read read = fullText(limits(Duration.ofSeconds(2), 200_000), 20_000, Duration.ofSeconds(5))
                .read(feed(false), List.of(story), false);

        assertThat(read.stories()).containsExactly(story);
        assertThat(read.outcomes()).isEmpty();
    }

    private void await() {
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static FullText fullText(PollerConfig.Fetch limits, int maxChars, Duration deadline) {
        return new FullText(new ArticleFetcher(limits, new AddressGuard(List.of("127.0.0.0/8"), "x"), Clock.systemUTC()),
                new HostLimiter(2), settings(maxChars, deadline), new SimpleMeterRegistry());
    }

    private static FeedSource feed(boolean fullText) {
        return new FeedSource("http://127.0.0.1:1/feed.xml", "Teasers", "en", null, fullText);
    }

    private static Story story(String link) {
        return new Story(Story.SCHEMA_VERSION, Integer.toHexString(link.hashCode()), "http://127.0.0.1:1/feed.xml", "Teasers",
                link, "Cranes go quiet", "One sentence of teaser.", "en", List.of(), List.of(), null, Instant.now());
    }

    static byte[] articlePage() throws IOException {
        try (InputStream in = ArticlePagesTest.class.getResourceAsStream("/article-page.html")) {
            return in.readAllBytes();
        }
    }

    private static PollerConfig.Fetch limits(Duration timeout, long maxBytes) {
        return new PollerConfig.Fetch() {
            @Override
            public Duration connectTimeout() {
                return Duration.ofSeconds(2);
            }

            @Override
            public Duration timeout() {
                return timeout;
            }

            @Override
            public long maxBytes() {
                return maxBytes;
            }

            @Override
            public String userAgent() {
                return "test";
            }

            @Override
            public Optional<List<String>> allowedNetworks() {
                return Optional.of(List.of("127.0.0.0/8"));
            }
        };
    }

    private static PollerConfig.FullText settings(int maxChars, Duration deadline) {
        return new PollerConfig.FullText() {
            @Override
            public long maxBytes() {
                return 200_000;
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(2);
            }

            @Override
            public int maxChars() {
                return maxChars;
            }

            @Override
            public int fetchesPerFeed() {
                return 3;
            }

            @Override
            public Duration pollDeadline() {
                return deadline;
            }
        };
    }
}
